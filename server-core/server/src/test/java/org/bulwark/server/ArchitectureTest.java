package org.bulwark.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain packages know nothing of adapters, persistence or transport. */
@AnalyzeClasses(packages = "org.bulwark.server", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    private static final String[] DOMAIN = {"..server.user..", "..server.task..", "..server.fleet..",
        "..server.system..", "..server.errors..", "..server.inventory..", "..server.policy..", "..server.schedule..",
        "..server.restorepoint..", "..server.workflow..", "..server.mount.."};

    @ArchTest
    static final ArchRule domainDoesNotUseAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..server.rest..", "..server.soap..",
                    "..server.persistence..", "..server.db..", "..server.config..", "..server.logging..")
            .as("domain packages do not import adapters");

    @ArchTest
    static final ArchRule domainIsFreeOfPersistenceAndTransport = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.eclipse.persistence..",
                    "org.flywaydb..", "java.sql..", "jakarta.ws.rs..", "jakarta.xml..", "jakarta.jws..",
                    "org.apache.cxf..", "com.fasterxml.jackson..", "org.apache.sshd..")
            .as("domain packages use no persistence or transport types");
}
