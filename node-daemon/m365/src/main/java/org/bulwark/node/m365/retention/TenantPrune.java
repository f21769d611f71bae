package org.bulwark.node.m365.retention;

import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.repository.Backup;
import org.bulwark.repository.Repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The data side of a tenant's retention: forgets expired restore points in the metadata of every
 * service the tenant has on a repository and frees the content only they needed
 * ({@link ServiceStore#prune}). Services without a backup on the repository are left alone.
 */
public final class TenantPrune {

    private final Repository repo;
    private final Path metadataHome;
    private final Path workDir;
    private final String tenantId;

    /**
     * @param metadataHome where the SQLite databases are published, beside the repository data
     * @param workDir      local working folder of the node
     */
    public TenantPrune(Repository repo, Path metadataHome, Path workDir, String tenantId) {
        this.repo = repo;
        this.metadataHome = metadataHome;
        this.workDir = workDir;
        this.tenantId = tenantId;
    }

    /** Forgets the restore points (run ids) in every service; one result per service that has a backup. */
    public List<ServiceStore.PruneResult> forget(Set<Long> restorePoints) throws IOException {
        if (restorePoints.isEmpty()) {
            throw new IllegalArgumentException("no restore point to forget");
        }
        List<String> labels = repo.list().stream().map(Backup::label).distinct().toList();
        List<ServiceStore.PruneResult> results = new ArrayList<>();
        for (Service service : Service.values()) {
            boolean stored = labels.contains(ServiceStore.label(tenantId, service))
                    || Files.exists(ServiceStore.published(metadataHome, tenantId, service));
            if (!stored) {
                continue;
            }
            try (ServiceStore store = ServiceStore.open(repo, metadataHome, workDir, tenantId, service,
                    ServiceStore.BatchLimits.DEFAULT)) {
                results.add(store.prune(restorePoints));
            }
        }
        return results;
    }
}
