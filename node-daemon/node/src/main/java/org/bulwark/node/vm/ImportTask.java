package org.bulwark.node.vm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.HypervisorException;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.node.kvm.UnknownVmException;
import org.bulwark.node.kvm.VirtualMachine;
import org.bulwark.node.kvm.importer.ImportPlan;
import org.bulwark.node.kvm.importer.Importer;
import org.bulwark.node.kvm.xml.DomainXml;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.repository.Repository;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMPORT: after a RESTORE into {@code folder} (same {@code name} and {@code format}), defines the
 * machine from the restore point's saved definition with a new name, UUID and MAC addresses, its
 * disks the restored files; optionally starts it. With {@code overwrite=true} it replaces the
 * original machine instead (same name and UUID, new MACs): the original is stopped and undefined
 * only once every restored disk is in place, and defined again as it was if the import fails.
 * The original's image files are never touched.
 *
 * <p>Parameters: {@code destination}, {@code passphrase} or {@code passphraseFile},
 * {@code restorePoint}, {@code folder}, {@code name} (required unless {@code overwrite=true});
 * optional {@code format} ({@code raw} or {@code qcow2}, default {@code raw}), {@code start}
 * ({@code true}/{@code false}), {@code overwrite}, {@code uri}.
 */
public final class ImportTask implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImportTask.class);
    /** {@code virDomainUndefineFlags}: managed save, snapshot and checkpoint metadata go with the definition. */
    private static final int UNDEFINE_WITH_METADATA = 1 | 2 | 16;

    private final VmSettings settings;

    public ImportTask(VmSettings settings) {
        this.settings = settings;
    }

    /** What an IMPORT returns: the machine as the hypervisor now reports it. */
    public record Result(String restorePoint, boolean replacedOriginal, VirtualMachine vm) {
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        Parameters p = new Parameters("IMPORT", parameters);
        RestoreTarget target = RestoreTarget.of(p);
        boolean overwrite = p.flag("overwrite");
        boolean start = p.flag("start");
        String name = overwrite ? p.optional("name", null) : ObjectNames.require("virtual machine", p.required("name"));
        String uri = p.optional("uri", settings.libvirtUri());
        return progress -> {
            progress.report(0, "reading restore point " + target.restorePoint());
            RestorePoint point;
            String savedXml;
            try (Repository repository = target.access().open(false)) {
                point = RestorePoint.find(repository, target.restorePoint());
                savedXml = point.domainXml(repository);
            }
            try (Hypervisor hypervisor = Hypervisors.connect(uri)) {
                Importer importer = new Importer(hypervisor);
                VirtualMachine vm;
                if (overwrite) {
                    if (name != null && !name.equals(point.info().vm())) {
                        throw new IllegalArgumentException("overwrite replaces " + point.info().vm()
                                + "; leave name out or give that name");
                    }
                    vm = replace(hypervisor, importer, point, savedXml, target, start, progress);
                } else {
                    progress.report(30, "defining " + name);
                    vm = importer.define(importer.plan(savedXml, name, target.folder(), target.format()), start);
                }
                LOG.info("restore point {} imported as {} ({}), {}", point.backup().shortId(), vm.name(), vm.uuid(), vm.state());
                return new Result(point.backup().id(), overwrite, vm);
            }
        };
    }

    private static VirtualMachine replace(Hypervisor hypervisor, Importer importer, RestorePoint point, String savedXml,
            RestoreTarget target, boolean start, Progress progress) throws Exception {
        String name = point.info().vm();
        String format = target.format();
        for (RestorePoint.Disk disk : point.info().disks()) {
            Path file = target.folder().resolve(target.imageName(name, disk.target()));
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("disk " + disk.target() + " is missing at " + file
                        + ": RESTORE it (name " + name + ", format " + format + ") before the import; "
                        + name + " was left as it is");
            }
        }
        String original = null;
        try {
            Domain domain = hypervisor.domain(name);
            progress.report(20, "removing the original " + name);
            original = hypervisor.definition(domain);
            if (domain.isActive() == 1) {
                domain.destroy();
            }
            domain.undefine(UNDEFINE_WITH_METADATA);
        } catch (UnknownVmException gone) {
            LOG.info("{} no longer exists: it is defined again from restore point {}", name, point.backup().shortId());
        } catch (LibvirtException e) {
            throw hypervisor.failure("replace " + name, e);
        }
        try {
            progress.report(40, "defining " + name);
            ImportPlan plan = importer.plan(savedXml, name, target.folder(), format);
            DomainXml xml = DomainXml.parse(plan.domainXml());
            xml.setUuid(point.info().uuid());
            return importer.define(new ImportPlan(name, point.info().uuid(), xml.toXml(), plan.disks(), format), start);
        } catch (RuntimeException e) {
            if (original != null && isUndefined(hypervisor, name)) {
                try {
                    hypervisor.connection().domainDefineXML(original);
                    LOG.warn("import over {} failed; its previous definition is back: {}", name, e.getMessage());
                } catch (LibvirtException again) {
                    throw new HypervisorException(e.getMessage() + "; and the previous definition of " + name
                            + " could not be restored: " + again.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private static boolean isUndefined(Hypervisor hypervisor, String name) {
        try {
            hypervisor.domain(name);
            return false;
        } catch (UnknownVmException e) {
            return true;
        }
    }
}
