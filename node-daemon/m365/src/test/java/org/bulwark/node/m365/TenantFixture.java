package org.bulwark.node.m365;

import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.backup.TenantBackup;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.tenant.GraphConnection;
import org.bulwark.node.m365.tenant.M365Tenant;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;

import java.io.IOException;
import java.nio.file.Path;

/** A local Graph service, a tenant pointing at it, an encrypted repository on a local destination, and helpers. */
final class TenantFixture implements AutoCloseable {

    static final String TENANT = "contoso-test";
    static final String CLIENT = "app-0001";
    static final String SECRET = "Zx8Q~s3cr3t-value-that-must-never-leak";
    static final char[] PASSPHRASE = "repository passphrase".toCharArray();

    final LocalGraphService graph;
    final M365Tenant tenant;
    final Path dir;
    final Path repoRoot;
    final Path metadataHome;
    Repository repo;
    GraphConnection connection;
    private int browsers;

    TenantFixture(Path dir) throws IOException {
        this.dir = dir;
        graph = new LocalGraphService(TENANT, CLIENT, SECRET);
        tenant = new M365Tenant(TENANT, CLIENT, SECRET, graph.graphUrl(), graph.authorityUrl());
        repoRoot = dir.resolve("destination");
        metadataHome = repoRoot.resolve("m365");
        repo = Repository.init(new LocalDestination(repoRoot), InitOptions.defaults().withKdf(new KdfParams(64, 1, 1)), PASSPHRASE);
    }

    GraphConnection connection() {
        if (connection == null) {
            connection = GraphConnection.open(tenant);
        }
        return connection;
    }

    BackupReport backup(ServiceStore.BatchLimits limits) throws IOException {
        return new TenantBackup(connection(), repo, metadataHome, dir.resolve("work"),
                TenantBackup.Options.defaults().withParallelism(3).withBatch(limits)).run();
    }

    BackupReport backup() throws IOException {
        return backup(new ServiceStore.BatchLimits(1 << 20, 50));
    }

    /** A browser with a fresh working folder. */
    TenantBrowser browser() {
        return new TenantBrowser(repo, metadataHome, dir.resolve("browse-" + (++browsers)), TENANT);
    }

    /** Opens the repository again, as a new process would. */
    void reopen() throws IOException {
        repo.close();
        repo = Repository.open(new LocalDestination(repoRoot), PASSPHRASE);
    }

    @Override
    public void close() throws IOException {
        graph.close();
        repo.close();
    }
}
