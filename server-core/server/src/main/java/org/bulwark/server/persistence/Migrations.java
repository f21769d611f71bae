package org.bulwark.server.persistence;

import org.bulwark.server.db.DatabaseConnection;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with the versioned Flyway scripts in {@code db/migration}. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    public static void migrate(DatabaseConnection db) {
        MigrateResult result = Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("schema migrated applied={} version={}", result.migrationsExecuted, result.targetSchemaVersion);
    }
}
