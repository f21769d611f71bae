package org.bulwark.node.kvm.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.HypervisorException;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.node.kvm.UnknownVmException;
import org.bulwark.node.kvm.VirtualMachine;
import org.bulwark.node.kvm.xml.DiskDefinition;
import org.bulwark.node.kvm.xml.DomainXml;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defines a virtual machine again from the definition saved with a backup: a new name, a new UUID,
 * new MAC addresses (so it can run beside the original), its disks as flat image files in a chosen
 * folder, removable media ejected. First {@link #plan}, then restore the disks to the planned
 * files, then {@link #define}.
 */
public final class Importer {
    /** Formats a restored disk may have. */
    public static final Set<String> FORMATS = Set.of("qcow2", "raw");

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final Hypervisor hypervisor;

    public Importer(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /**
     * Rewrites {@code savedXml} for a machine named {@code name} whose disks will be
     * {@code <folder>/<name>-<device>.<format>}. Refused: a bad or taken name, an unknown format,
     * XML that is not a domain definition (DTDs and external entities included).
     */
    public ImportPlan plan(String savedXml, String name, Path folder, String format) {
        ObjectNames.require("virtual machine", name);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown disk format '" + format + "', expected one of " + FORMATS);
        }
        requireFree(name);
        DomainXml xml = DomainXml.parse(savedXml);
        UUID uuid = UUID.randomUUID();
        xml.setName(name);
        xml.setUuid(uuid);
        xml.replaceMacAddresses(Importer::newMacAddress);
        xml.ejectRemovableMedia();
        Path base = folder.toAbsolutePath().normalize();
        Map<String, Path> disks = new LinkedHashMap<>();
        for (DiskDefinition disk : xml.disks()) {
            if (disk.isHardDisk()) {
                String device = ObjectNames.require("disk device", disk.target());
                Path file = base.resolve(name + "-" + device + "." + format).normalize();
                if (!file.getParent().equals(base)) {
                    throw new IllegalArgumentException("disk " + device + " would land outside " + base);
                }
                xml.relocateDisk(device, file, format);
                disks.put(device, file);
            }
        }
        return new ImportPlan(name, uuid, xml.toXml(), disks, format);
    }

    /**
     * Defines the planned machine, and starts it if asked. Every planned disk file must exist; if one
     * is missing nothing is defined. A machine that is defined but fails to start stays defined.
     */
    public VirtualMachine define(ImportPlan plan, boolean start) {
        for (Map.Entry<String, Path> disk : plan.disks().entrySet()) {
            if (!Files.isRegularFile(disk.getValue())) {
                throw new IllegalStateException("disk " + disk.getKey() + " of " + plan.name() + " is missing at "
                        + disk.getValue() + ": restore the disks before the import");
            }
        }
        requireFree(plan.name());
        Domain domain;
        try {
            domain = hypervisor.connection().domainDefineXML(plan.domainXml());
        } catch (LibvirtException e) {
            throw hypervisor.failure("define virtual machine " + plan.name(), e);
        }
        LOG.info("defined virtual machine {} ({}) with disks {}", plan.name(), plan.uuid(), plan.disks().values());
        if (start) {
            try {
                domain.create();
            } catch (LibvirtException e) {
                throw hypervisor.failure("start the imported virtual machine " + plan.name()
                        + " (it stays defined)", e);
            }
        }
        return hypervisor.describe(plan.name());
    }

    private void requireFree(String name) {
        try {
            hypervisor.domain(name);
        } catch (UnknownVmException free) {
            return;
        }
        throw new HypervisorException("a virtual machine named " + name + " already exists on " + hypervisor.uri());
    }

    /** A random locally administered address in QEMU's {@code 52:54:00} range. */
    private static String newMacAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
