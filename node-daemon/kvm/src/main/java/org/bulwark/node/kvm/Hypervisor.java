package org.bulwark.node.kvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bulwark.node.kvm.xml.DiskDefinition;
import org.bulwark.node.kvm.xml.DomainXml;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libvirt connection (URI such as {@code qemu:///system} or {@code qemu+ssh://host/system}) and
 * the inventory of its virtual machines. A lost connection (libvirtd restarted) is reopened on the
 * next call. Thread-safe.
 */
public final class Hypervisor implements AutoCloseable {
    /** The local system QEMU driver. */
    public static final String DEFAULT_URI = "qemu:///system";
    /** {@code virDomainGetXMLDesc} flag: the persistent definition, as {@code virsh dumpxml --inactive}. */
    public static final int XML_INACTIVE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Hypervisor.class);

    /** Exclusive use of one virtual machine; closing it twice is harmless. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final ConcurrentMap<UUID, Semaphore> EXCLUSIVE = new ConcurrentHashMap<>();

    private final String uri;
    private Connect connect;

    private Hypervisor(String uri, Connect connect) {
        this.uri = uri;
        this.connect = connect;
    }

    /** Connects to libvirt at {@code uri}; fails with {@link HypervisorUnavailableException}. */
    public static Hypervisor connect(String uri) {
        return new Hypervisor(uri, open(uri));
    }

    public String uri() {
        return uri;
    }

    /** The live libvirt connection, reopened if libvirtd went away since the last call. */
    public synchronized Connect connection() {
        boolean alive;
        try {
            alive = connect != null && connect.isAlive();
        } catch (LibvirtException e) {
            alive = false;
        }
        if (!alive) {
            LOG.info("reconnecting to libvirt at {}", uri);
            closeQuietly();
            connect = open(uri);
        }
        return connect;
    }

    /** All virtual machines, running or not, sorted by name. */
    public List<VirtualMachine> list() {
        Domain[] domains = withConnection("list virtual machines", c -> c.listAllDomains(0));
        List<VirtualMachine> machines = new ArrayList<>();
        for (Domain domain : domains) {
            try {
                machines.add(describe(domain));
            } catch (UnknownVmException vanished) {
                LOG.debug("virtual machine vanished while listing: {}", vanished.getMessage());
            }
        }
        machines.sort(Comparator.comparing(VirtualMachine::name));
        return machines;
    }

    /** The virtual machine named {@code name}; {@link UnknownVmException} if there is none. */
    public VirtualMachine describe(String name) {
        return describe(domain(name));
    }

    /** libvirt's handle of the virtual machine named {@code name}; {@link UnknownVmException} if there is none. */
    public Domain domain(String name) {
        return withConnection("find virtual machine '" + name + "'", c -> c.domainLookupByName(name));
    }

    /** A call on the connection. */
    private interface ConnectionCall<T> {
        T apply(Connect connect) throws LibvirtException;
    }

    /**
     * Runs {@code call}; if the connection turns out dead (libvirtd restarted: {@code isAlive()} only
     * notices after a failed call), reconnects and tries once more.
     */
    private <T> T withConnection(String attempted, ConnectionCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            Connect used = connection();
            try {
                return call.apply(used);
            } catch (LibvirtException e) {
                HypervisorException failure = failure(attempted, e);
                if (attempt > 1 || !(failure instanceof HypervisorUnavailableException)) {
                    throw failure;
                }
                LOG.info("libvirt connection to {} lost ({}), reconnecting", uri, e.getMessage());
                synchronized (this) {
                    if (connect == used) {
                        closeQuietly();
                    }
                }
            }
        }
    }

    /**
     * Waits until no other backup or snapshot of {@code domain} runs in this process, then holds the
     * machine until the returned lease is closed (from any thread). libvirt allows one backup job per
     * domain; a second one blocks inside libvirt for about 30 s and then fails.
     */
    public Lease exclusive(Domain domain) throws InterruptedException {
        UUID uuid;
        try {
            uuid = UUID.fromString(domain.getUUIDString());
        } catch (LibvirtException e) {
            throw failure("identify a virtual machine", e);
        }
        Semaphore semaphore = EXCLUSIVE.computeIfAbsent(uuid, u -> new Semaphore(1));
        semaphore.acquire();
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                semaphore.release();
            }
        };
    }

    /** The current run state of {@code domain}. */
    public VmState state(Domain domain) {
        try {
            return VmState.of(domain.getInfo().state);
        } catch (LibvirtException e) {
            throw failure("read the state of a virtual machine", e);
        }
    }

    /** The persistent definition of {@code domain}, as a later import needs it. */
    public String definition(Domain domain) {
        try {
            return domain.getXMLDesc(XML_INACTIVE);
        } catch (LibvirtException e) {
            throw failure("read the definition of a virtual machine", e);
        }
    }

    /**
     * Turns a libvirt error into a {@link HypervisorException} naming what was attempted:
     * {@link UnknownVmException} for a missing domain, {@link HypervisorUnavailableException} for a
     * connection problem.
     */
    public HypervisorException failure(String attempted, LibvirtException e) {
        return failure(uri, attempted, e);
    }

    private static HypervisorException failure(String uri, String attempted, LibvirtException e) {
        ErrorNumber code = e.getError() == null ? ErrorNumber.VIR_ERR_UNKNOWN : e.getError().getCode();
        String message = "cannot " + attempted + " on " + uri + ": " + e.getMessage();
        return switch (code) {
            case VIR_ERR_NO_DOMAIN -> new UnknownVmException(message, e);
            case VIR_ERR_NO_CONNECT, VIR_ERR_INVALID_CONN, VIR_ERR_RPC, VIR_ERR_SYSTEM_ERROR,
                    VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_NO_SERVER ->
                    new HypervisorUnavailableException(message, e);
            default -> new HypervisorException(message, e);
        };
    }

    private VirtualMachine describe(Domain domain) {
        try {
            DomainInfo info = domain.getInfo();
            DomainXml xml = DomainXml.parse(domain.getXMLDesc(0));
            List<VmDisk> disks = new ArrayList<>();
            for (DiskDefinition disk : xml.disks()) {
                if (disk.isHardDisk()) {
                    disks.add(new VmDisk(disk.target(), disk.source(), disk.format(), capacity(domain, disk)));
                }
            }
            return new VirtualMachine(domain.getName(), UUID.fromString(domain.getUUIDString()),
                    VmState.of(info.state), info.nrVirtCpu, info.maxMem * 1024, disks, xml.tags());
        } catch (LibvirtException e) {
            throw failure("describe a virtual machine", e);
        }
    }

    private static long capacity(Domain domain, DiskDefinition disk) {
        try {
            return domain.blockInfo(disk.target()).getCapacity();
        } catch (LibvirtException e) {
            LOG.debug("no size for disk {}: {}", disk.target(), e.getMessage());
            return 0;
        }
    }

    private static Connect open(String uri) {
        try {
            return new Connect(uri);
        } catch (LibvirtException e) {
            throw new HypervisorUnavailableException("libvirt is not reachable at " + uri + ": " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        if (connect != null) {
            try {
                connect.close();
            } catch (LibvirtException e) {
                LOG.debug("closing a dead libvirt connection: {}", e.getMessage());
            }
            connect = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
