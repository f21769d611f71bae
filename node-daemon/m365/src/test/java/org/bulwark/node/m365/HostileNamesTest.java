package org.bulwark.node.m365;

import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.backup.TenantBackup;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.node.m365.restore.SafeNames;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names from a backup cannot make an export write outside its target; progress is reported. */
class HostileNamesTest {

    @TempDir
    Path dir;

    @Test
    void exportsStayInsideTheirTarget() throws IOException {
        try (TenantFixture f = new TenantFixture(dir)) {
            String user = f.graph.addUser("mallory@contoso.test");
            String drive = f.graph.driveOf(user);
            String dots = f.graph.addDriveItem(drive, null, "..", null);
            f.graph.addDriveItem(drive, dots, "../../escape.txt", "escape".getBytes(StandardCharsets.UTF_8));
            f.graph.addDriveItem(drive, dots, "/etc/passwd", "passwd".getBytes(StandardCharsets.UTF_8));
            f.graph.addDriveItem(drive, null, "a\\..\\b:c*?.txt", "win".getBytes(StandardCharsets.UTF_8));
            AtomicLong items = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            BackupReport r = new TenantBackup(f.connection(), f.repo, f.metadataHome, dir.resolve("work"),
                    TenantBackup.Options.defaults().withBatch(new ServiceStore.BatchLimits(1 << 20, 50))
                            .withProgress((service, n, b) -> {
                                items.accumulateAndGet(n, Math::max);
                                bytes.accumulateAndGet(b, Math::max);
                            })).run();
            assertTrue(r.complete());
            assertEquals(3, items.get(), "progress counted the three files");
            assertEquals(6 + 6 + 3, bytes.get(), "progress counted their bytes");

            try (TenantBrowser b = f.browser()) {
                long rp = b.latest().id();
                ByteArrayOutputStream zip = new ByteArrayOutputStream();
                b.exportZip(rp, drive, "", zip);
                List<String> names = new ArrayList<>();
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        names.add(e.getName());
                    }
                }
                for (String n : names) {
                    assertFalse(n.startsWith("/") || n.contains("\\"), n);
                    for (String part : n.split("/")) {
                        assertFalse(part.equals("..") || part.equals("."), "entry " + n);
                    }
                }
                assertEquals(List.of("_/", "_/.._.._escape.txt", "_/_etc_passwd", "a_.._b_c__.txt"), names);

                Path target = dir.resolve("export");
                ItemVersion folder = b.children(rp, drive, "").getFirst();
                b.saveTo(rp, drive, folder.id(), target);
                b.saveTo(rp, drive, folder.id(), target);
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        String content = Files.readString(p, StandardCharsets.ISO_8859_1);
                        if (content.equals("escape") || content.equals("passwd")) {
                            assertTrue(p.startsWith(target), "written inside the target: " + p);
                        }
                    }
                }
                assertTrue(Files.isDirectory(target.resolve("_ (2)")), "a second save does not overwrite the first");
                assertArrayEquals("escape".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("_/.._.._escape.txt")));
            }
        }
        assertThrows(SecurityException.class, () -> SafeNames.under(dir, "../outside"));
        assertEquals("_", SafeNames.component(".."));
    }
}
