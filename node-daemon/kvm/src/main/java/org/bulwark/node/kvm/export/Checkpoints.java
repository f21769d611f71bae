package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.xml.DiskDefinition;
import org.bulwark.node.kvm.xml.DomainXml;
import org.bulwark.node.kvm.xml.SafeXml;
import org.libvirt.Domain;
import org.libvirt.DomainCheckpoint;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup checkpoints of a machine (libvirt metadata plus a persistent dirty bitmap per qcow2
 * image), for callers that already hold the machine ({@link Hypervisor#exclusive}).
 *
 * <p>What libvirt 9.0 / QEMU 7.2 allow beside checkpoints, as seen on this machine kind:
 * <ul>
 * <li>an internal snapshot of a <em>running</em> machine, and deleting any snapshot: allowed, the
 * bitmaps go on tracking the active layer, so the incremental chain stays valid;</li>
 * <li>an internal snapshot of a <em>shut-off</em> machine: refused ("cannot perform block operations
 * while checkpoint exists"), a check of libvirt's metadata only: {@link #setAside} removes the
 * metadata (bitmaps stay in the images, untouched by {@code qemu-img snapshot -c}) and defines it
 * again afterwards, so the chain stays valid;</li>
 * <li>reverting to a snapshot: QEMU refuses while the images hold bitmaps ("Device has active dirty
 * bitmaps"), and a revert rewrites blocks that no bitmap records anyway: the checkpoints are
 * {@linkplain #dropAll dropped}, the next backup of the machine is a full and says why.</li>
 * </ul>
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final int CREATE_REDEFINE = 1;
    private static final int DELETE_METADATA_ONLY = 2;

    private final Hypervisor hypervisor;

    public Checkpoints(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /** The names of the machine's checkpoints, each after its parent. */
    public List<String> names(Domain domain) {
        try {
            return List.of(domain.checkpointListNames(Domain.CheckpointListFlags.TOPOLOGICAL));
        } catch (LibvirtException e) {
            throw hypervisor.failure("list the checkpoints of " + name(domain), e);
        }
    }

    /** The local qcow2-capable hard disks of the machine, as its persistent definition names them. */
    List<DiskDefinition> disks(Domain domain) {
        return DomainXml.parse(hypervisor.definition(domain)).disks().stream().filter(DiskDefinition::isHardDisk).toList();
    }

    /** Deletes checkpoint {@code name}: its bitmaps (through QEMU when running, {@code qemu-img} when not) and metadata. */
    void drop(Domain domain, List<DiskDefinition> disks, String name) {
        try {
            DomainCheckpoint checkpoint = domain.checkpointLookupByName(name);
            if (hypervisor.state(domain).isActive()) {
                checkpoint.delete(0);
            } else {
                removeBitmaps(disks, name);
                checkpoint.delete(DELETE_METADATA_ONLY);
            }
        } catch (LibvirtException e) {
            throw hypervisor.failure("delete checkpoint " + name + " of " + name(domain), e);
        }
    }

    /**
     * Deletes every checkpoint of the machine, newest first, bitmaps and metadata, and returns their
     * names: an incremental from any of them would be wrong afterwards (a snapshot revert).
     */
    public List<String> dropAll(Domain domain) {
        List<String> names = names(domain);
        List<DiskDefinition> disks = disks(domain);
        for (String name : names.reversed()) {
            drop(domain, disks, name);
        }
        return names;
    }

    /** Checkpoint metadata set aside by {@link #setAside}; closing defines it again. */
    public interface SetAside extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Removes the libvirt metadata of every checkpoint, keeping the bitmaps in the images, until the
     * returned handle is closed: then the checkpoints are defined again exactly as they were (parents
     * first). If this process dies meanwhile the metadata is lost: the next backup finds its checkpoint
     * missing and makes a full, saying so.
     */
    public SetAside setAside(Domain domain) {
        List<String> names = names(domain);
        List<String> definitions = new ArrayList<>();
        try {
            for (String name : names) {
                definitions.add(domain.checkpointLookupByName(name).getXMLDesc(0));
            }
            for (int i = names.size() - 1; i >= 0; i--) {
                domain.checkpointLookupByName(names.get(i)).delete(DELETE_METADATA_ONLY);
            }
        } catch (LibvirtException e) {
            redefine(domain, definitions.stream().filter(xml -> !names(domain).contains(nameIn(xml))).toList());
            throw hypervisor.failure("set the checkpoints of " + name(domain) + " aside", e);
        }
        return () -> redefine(domain, definitions);
    }

    private void redefine(Domain domain, List<String> definitions) {
        for (String xml : definitions) {
            try {
                domain.checkpointCreateXML(xml, CREATE_REDEFINE);
            } catch (LibvirtException e) {
                throw hypervisor.failure("define checkpoint " + nameIn(xml) + " of " + name(domain) + " again", e);
            }
        }
    }

    private static String nameIn(String checkpointXml) {
        return SafeXml.childText(SafeXml.parse(checkpointXml).getDocumentElement(), "name");
    }

    static void removeBitmaps(List<DiskDefinition> disks, String name) {
        for (DiskDefinition disk : disks) {
            try {
                Command.run(List.of("qemu-img", "bitmap", "--remove", disk.source(), name));
            } catch (IOException e) {
                LOG.warn("cannot remove bitmap {} from {}: {}", name, disk.source(), e.getMessage());
            }
        }
    }

    static String name(Domain domain) {
        try {
            return domain.getName();
        } catch (LibvirtException e) {
            return "?";
        }
    }
}
