package org.bulwark.node.kvm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bulwark.node.kvm.HypervisorException;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.node.kvm.UnknownVmException;
import org.bulwark.node.kvm.VirtualMachine;
import org.bulwark.node.kvm.VmDisk;
import org.bulwark.node.kvm.VmState;
import org.bulwark.node.kvm.xml.DiskDefinition;
import org.bulwark.node.kvm.xml.DomainXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImporterTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();

    @Test
    void savedDefinitionBecomesANewMachineThatStarts() throws Exception {
        Importer importer = new Importer(LAB.hypervisor());
        String original = LAB.defineVm("prod");
        String saved = LAB.hypervisor().definition(LAB.hypervisor().domain(original));
        Path folder = Files.createDirectories(LAB.folder().resolve("restored"));
        String name = original + "-restored";

        ImportPlan plan = importer.plan(saved, name, folder, "qcow2");
        Path disk = folder.resolve(name + "-vda.qcow2");
        assertEquals(Map.of("vda", disk), plan.disks());
        DomainXml rewritten = DomainXml.parse(plan.domainXml());
        assertEquals(name, rewritten.name());
        assertEquals(plan.uuid(), rewritten.uuid().orElseThrow());
        assertFalse(plan.domainXml().contains("52:54:00:00:00:01"), "a new MAC address");
        assertTrue(plan.domainXml().contains("<mac address=\"52:54:00:"), plan.domainXml());
        assertEquals(List.of(new DiskDefinition("vda", "disk", "file", disk.toString(), "qcow2"),
                new DiskDefinition("hdc", "cdrom", "file", "", "raw")), rewritten.disks());

        IllegalStateException notRestored = assertThrows(IllegalStateException.class, () -> importer.define(plan, true));
        assertTrue(notRestored.getMessage().contains("restore the disks before the import"), notRestored.getMessage());
        assertThrows(UnknownVmException.class, () -> LAB.hypervisor().describe(name), "nothing defined");

        KvmLab.run("qemu-img", "convert", "-O", "qcow2", LAB.disk(original).toString(), disk.toString());
        LAB.adopt(name);
        VirtualMachine imported = importer.define(plan, true);

        assertEquals(VmState.RUNNING, imported.state());
        assertEquals(plan.uuid(), imported.uuid());
        assertNotEquals(LAB.hypervisor().describe(original).uuid(), imported.uuid());
        assertEquals(List.of(new VmDisk("vda", disk.toString(), "qcow2", KvmLab.DISK_SIZE)), imported.disks());
        assertEquals(VmState.SHUT_OFF, LAB.hypervisor().describe(original).state(), "the original is untouched");
        assertEquals(LAB.rawSha256(LAB.disk(original)), LAB.rawSha256(disk));
    }

    @Test
    void badInputIsRefusedAndDefinesNothing() throws Exception {
        Importer importer = new Importer(LAB.hypervisor());
        String original = LAB.defineVm();
        String saved = LAB.hypervisor().definition(LAB.hypervisor().domain(original));
        Path folder = LAB.folder();

        HypervisorException taken = assertThrows(HypervisorException.class,
                () -> importer.plan(saved, original, folder, "qcow2"));
        assertTrue(taken.getMessage().contains("already exists"), taken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> importer.plan(saved, "../escape", folder, "qcow2"));
        assertThrows(IllegalArgumentException.class, () -> importer.plan(saved, "fine", folder, "vmdk"));
        String entity = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain type='qemu'><name>&x;</name><devices/></domain>";
        assertThrows(IllegalArgumentException.class, () -> importer.plan(entity, "fine", folder, "qcow2"));
        assertThrows(IllegalArgumentException.class, () -> importer.plan("<network/>", "fine", folder, "qcow2"));
        assertThrows(UnknownVmException.class, () -> LAB.hypervisor().describe("fine"));
    }
}
