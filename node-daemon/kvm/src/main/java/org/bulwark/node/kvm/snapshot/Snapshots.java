package org.bulwark.node.kvm.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.node.kvm.export.Checkpoints;
import org.bulwark.node.kvm.xml.SafeXml;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Persisted hypervisor snapshots: libvirt's internal qcow2 snapshots (disks, and memory of a
 * running machine), kept in the images and in libvirt's metadata. Serialized with exports of the
 * same machine in this process.
 *
 * <p>Machines that are also backed up incrementally: taking and deleting snapshots keeps their
 * backup checkpoints valid (a shut-off machine's checkpoint metadata is set aside while libvirt takes
 * the snapshot, which it would refuse otherwise); reverting drops every checkpoint, since the revert
 * rewrites blocks no dirty bitmap records (and QEMU refuses it while bitmaps exist), so the next
 * backup is a full and says why. See {@link Checkpoints}.
 */
public final class Snapshots {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    private final Hypervisor hypervisor;

    private final Checkpoints checkpoints;

    public Snapshots(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
        this.checkpoints = new Checkpoints(hypervisor);
    }

    /** Takes snapshot {@code name} of {@code vm}. */
    public Snapshot create(String vm, String name, String description) throws InterruptedException {
        ObjectNames.require("snapshot", name);
        Domain domain = hypervisor.domain(vm);
        try (Hypervisor.Lease lease = hypervisor.exclusive(domain)) {
            String xml = "<domainsnapshot><name>" + SafeXml.escape(name) + "</name><description>"
                    + SafeXml.escape(description) + "</description></domainsnapshot>";
            if (hypervisor.state(domain).isActive() || checkpoints.names(domain).isEmpty()) {
                return parse(domain.snapshotCreateXML(xml, 0).getXMLDesc());
            }
            try (Checkpoints.SetAside aside = checkpoints.setAside(domain)) {
                return parse(domain.snapshotCreateXML(xml, 0).getXMLDesc());
            }
        } catch (LibvirtException e) {
            throw hypervisor.failure("take snapshot " + name + " of " + vm, e);
        }
    }

    private static int depth(String name, Map<String, Optional<String>> parents) {
        int depth = 0;
        for (Optional<String> parent = parents.getOrDefault(name, Optional.empty());
                parent.isPresent() && depth < parents.size();
                parent = parents.getOrDefault(parent.get(), Optional.empty())) {
            depth++;
        }
        return depth;
    }

    /** The snapshots of {@code vm}, oldest first. */
    public List<Snapshot> list(String vm) {
        Domain domain = hypervisor.domain(vm);
        try {
            List<Snapshot> snapshots = new ArrayList<>();
            for (String name : domain.snapshotListNames()) {
                snapshots.add(parse(domain.snapshotLookupByName(name).getXMLDesc()));
            }
            // libvirt keeps creation times in whole seconds: snapshots of the same second are
            // ordered by their place in the parent chain (a child after its parent).
            Map<String, Optional<String>> parents = new HashMap<>();
            snapshots.forEach(s -> parents.put(s.name(), s.parent()));
            snapshots.sort(Comparator.comparing(Snapshot::created)
                    .thenComparingInt((Snapshot s) -> depth(s.name(), parents))
                    .thenComparing(Snapshot::name));
            return snapshots;
        } catch (LibvirtException e) {
            throw hypervisor.failure("list the snapshots of " + vm, e);
        }
    }

    /**
     * Returns {@code vm} to snapshot {@code name}: disks, and memory and run state if it has them.
     * The machine's backup checkpoints are dropped first (the next backup is a full).
     *
     * @return the names of the checkpoints dropped
     */
    public List<String> revert(String vm, String name) throws InterruptedException {
        Domain domain = hypervisor.domain(vm);
        try (Hypervisor.Lease lease = hypervisor.exclusive(domain)) {
            DomainSnapshot snapshot = lookup(domain, vm, name);
            List<String> dropped = checkpoints.dropAll(domain);
            if (!dropped.isEmpty()) {
                LOG.warn("reverting {} to snapshot {}: backup checkpoints {} dropped, the next backup is a full",
                        vm, name, dropped);
            }
            domain.revertToSnapshot(snapshot);
            return dropped;
        } catch (LibvirtException e) {
            throw hypervisor.failure("revert " + vm + " to snapshot " + name, e);
        }
    }

    /** Deletes snapshot {@code name} of {@code vm} (its data and metadata); children are kept. */
    public void delete(String vm, String name) throws InterruptedException {
        Domain domain = hypervisor.domain(vm);
        try (Hypervisor.Lease lease = hypervisor.exclusive(domain)) {
            lookup(domain, vm, name).delete(0);
        } catch (LibvirtException e) {
            throw hypervisor.failure("delete snapshot " + name + " of " + vm, e);
        }
    }

    private DomainSnapshot lookup(Domain domain, String vm, String name) {
        try {
            return domain.snapshotLookupByName(name);
        } catch (LibvirtException e) {
            throw hypervisor.failure("find snapshot " + name + " of " + vm, e);
        }
    }

    private static Snapshot parse(String xml) {
        Element root = SafeXml.parse(xml).getDocumentElement();
        Optional<String> parent = SafeXml.child(root, "parent").map(p -> SafeXml.childText(p, "name"));
        return new Snapshot(SafeXml.childText(root, "name"), SafeXml.childText(root, "description"),
                Instant.ofEpochSecond(Long.parseLong(SafeXml.childText(root, "creationTime"))), SafeXml.childText(root, "state"), parent);
    }
}
