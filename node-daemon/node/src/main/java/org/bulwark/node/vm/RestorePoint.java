package org.bulwark.node.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.node.Json;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.repository.Backup;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryException;

/**
 * A virtual machine's backup in a repository, as BACKUP writes it: label {@code kvm/<vm>}, one disk
 * image entry per guest device ({@code vda}), the domain definition as {@value #DOMAIN_XML} and
 * what the next incremental and a restore need as {@value #INFO_JSON}.
 */
record RestorePoint(Backup backup, Info info) {
    static final String DOMAIN_XML = "domain.xml";
    static final String INFO_JSON = "bulwark-vm.json";

    /**
     * What BACKUP records about the machine.
     *
     * @param checkpoint the hypervisor checkpoint taken with this backup, the base of the next incremental
     * @param kind       FULL or INCREMENTAL
     */
    record Info(String vm, UUID uuid, String checkpoint, String kind, List<Disk> disks) {
        Info {
            disks = List.copyOf(disks);
        }
    }

    /** One disk: guest device, format on the hypervisor and virtual size. */
    record Disk(String target, String format, long size) {
    }

    static String label(String vm) {
        return "kvm/" + vm;
    }

    /** The newest restore point of {@code vm} in {@code repository}. */
    static Optional<RestorePoint> latest(Repository repository, String vm) throws IOException {
        String label = label(vm);
        List<Backup> backups = repository.list().stream()
                .filter(b -> b.label().equals(label) && b.entry(INFO_JSON) != null).toList();
        return backups.isEmpty() ? Optional.empty() : Optional.of(read(repository, backups.getLast()));
    }

    /** The restore point with this id (or unique id prefix); refused if it is no virtual machine backup. */
    static RestorePoint find(Repository repository, String id) throws IOException {
        Backup backup = repository.find(id);
        if (backup.entry(INFO_JSON) == null || backup.entry(DOMAIN_XML) == null) {
            throw new RepositoryException("backup " + backup.shortId() + " is not a virtual machine restore point");
        }
        return read(repository, backup);
    }

    /** The saved domain definition. */
    String domainXml(Repository repository) throws IOException {
        try (InputStream in = repository.openContent(backup, DOMAIN_XML)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RestorePoint read(Repository repository, Backup backup) throws IOException {
        Info info;
        try (InputStream in = repository.openContent(backup, INFO_JSON)) {
            info = Json.MAPPER.readValue(in, Info.class);
        }
        for (Disk disk : info.disks()) {
            ObjectNames.require("disk device", disk.target());
            if (backup.entry(disk.target()) == null) {
                throw new RepositoryException("restore point " + backup.shortId() + " lacks disk " + disk.target());
            }
        }
        return new RestorePoint(backup, info);
    }
}
