package org.bulwark.node.kvm.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The XML side of inventory and import, without libvirt. */
class DomainXmlTest {
    private static final String XML = """
            <domain type='kvm'>
              <name>web1</name>
              <uuid>1f0e6a36-4a45-4c4e-9d0b-2d6a3d1c0a11</uuid>
              <metadata>
                <other:thing xmlns:other='urn:other'><other:tag>not ours</other:tag></other:thing>
                <b:tags xmlns:b='https://bulwark.org/xmlns/libvirt/tags/1'><b:tag> prod </b:tag><b:tag>web</b:tag></b:tags>
              </metadata>
              <devices>
                <disk type='block' device='disk'><driver name='qemu' type='raw'/><source dev='/dev/vg/web1'/>
                  <backingStore/><target dev='vda' bus='virtio'/></disk>
                <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/iso/install.iso'/>
                  <target dev='sda' bus='sata'/><readonly/></disk>
                <disk type='network' device='disk'><driver name='qemu' type='raw'/><source protocol='rbd' name='pool/img'/>
                  <target dev='vdb' bus='virtio'/></disk>
                <interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/></interface>
                <interface type='network'><source network='default'/></interface>
              </devices>
            </domain>""";

    @Test
    void readsDisksAndOnlyOurTags() {
        DomainXml xml = DomainXml.parse(XML);
        assertEquals("web1", xml.name());
        assertEquals(UUID.fromString("1f0e6a36-4a45-4c4e-9d0b-2d6a3d1c0a11"), xml.uuid().orElseThrow());
        assertEquals(Set.of("prod", "web"), xml.tags());
        assertEquals(List.of(new DiskDefinition("vda", "disk", "block", "/dev/vg/web1", "raw"),
                new DiskDefinition("sda", "cdrom", "file", "/iso/install.iso", "raw"),
                new DiskDefinition("vdb", "disk", "network", "pool/img", "raw")), xml.disks());
        assertTrue(xml.disks().getFirst().isLocal());
        assertTrue(!xml.disks().get(2).isLocal() && xml.disks().get(2).isHardDisk());
    }

    @Test
    void importEditsRewriteIdentityDisksAndMedia() {
        DomainXml xml = DomainXml.parse(XML);
        UUID uuid = UUID.randomUUID();
        xml.setName("web1-copy");
        xml.setUuid(uuid);
        assertEquals(2, xml.replaceMacAddresses(() -> "52:54:00:01:02:03"));
        xml.relocateDisk("vda", Path.of("/restore/web1-copy-vda.qcow2"), "qcow2");
        xml.ejectRemovableMedia();

        DomainXml again = DomainXml.parse(xml.toXml());
        assertEquals("web1-copy", again.name());
        assertEquals(uuid, again.uuid().orElseThrow());
        assertEquals(new DiskDefinition("vda", "disk", "file", "/restore/web1-copy-vda.qcow2", "qcow2"),
                again.disks().getFirst());
        assertEquals("", again.disks().get(1).source(), "the ISO is a host file a restore does not carry");
        String text = again.toXml();
        assertEquals(2, text.split("52:54:00:01:02:03", -1).length - 1);
        assertTrue(!text.contains("backingStore"), "a restored image is flat");
        assertThrows(IllegalArgumentException.class, () -> xml.relocateDisk("vdz", Path.of("/x"), "raw"));
    }

    @Test
    void externalEntitiesAndForeignDocumentsAreRefused() {
        String xxe = "<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/hostname'>]><domain><name>&x;</name></domain>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainXml.parse(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DomainXml.parse("<domainsnapshot/>"));
        assertThrows(IllegalArgumentException.class, () -> DomainXml.parse("<domain>"));
    }
}
