package org.bulwark.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void fillsInDefaults() {
        NodeConfig config = NodeConfig.parse(properties("data.dir", "/var/lib/bulwark-node"));
        assertEquals(Path.of("/var/lib/bulwark-node"), config.dataDir());
        assertEquals("0.0.0.0", config.sshHost());
        assertEquals(2222, config.sshPort());
        assertEquals(2, config.capacity());
        assertNull(config.enrollmentToken());
        assertFalse(config.name().isBlank(), "name defaults to the host name");
        assertEquals("qemu:///system", config.libvirtUri());
        assertEquals(Path.of("/var/lib/bulwark-node/scratch"), config.scratchDir());
    }

    @Test
    void readsEveryKeyFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, """
                data.dir = /srv/node
                name = kvm-01
                ssh.host = 127.0.0.1
                ssh.port = 0
                capacity = 4
                enrollment.token = abcdefghijklmnopqrstuvwxyz
                libvirt.uri = qemu+ssh://root@kvm-01/system
                scratch.dir = /run/bulwark
                """);
        NodeConfig config = NodeConfig.load(file);
        assertEquals(new NodeConfig(Path.of("/srv/node"), "kvm-01", "127.0.0.1", 0, 4, "abcdefghijklmnopqrstuvwxyz",
                "qemu+ssh://root@kvm-01/system", Path.of("/run/bulwark")), config);
        assertFalse(config.toString().contains("abcdefghijklmnopqrstuvwxyz"), "toString masks the token");
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeConfig.parse(properties("name", "x")))
                .getMessage().contains("data.dir is required"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeConfig.parse(properties("data.dir", "/d", "ssh.port", "70000"))).getMessage().contains("ssh.port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeConfig.parse(properties("data.dir", "/d", "capacity", "two"))).getMessage().contains("capacity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeConfig.parse(properties("data.dir", "/d", "capacity", "0"))).getMessage().contains("capacity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeConfig.parse(properties("data.dir", "/d", "enrollment.token", "short"))).getMessage().contains("enrollment.token"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeConfig.parse(properties("data.dir", "/d", "ssh.prot", "22"))).getMessage().contains("ssh.prot"),
                "a misspelt key is reported, not ignored");
    }
}
