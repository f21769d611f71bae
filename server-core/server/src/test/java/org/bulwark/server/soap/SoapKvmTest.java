package org.bulwark.server.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.bulwark.api.ApiError;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Role;
import org.bulwark.api.rest.Api;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * KVM protection through SOAP with a CXF client: a real server on MariaDB, a real node enrolled
 * over SSH on loopback, the real libvirtd of the KVM lab (skipped with its reason when missing)
 * and real repositories, created by the node on the first backup. Hypervisors, sync, VMs, backup
 * (on demand, by policy), restore points, restore to a folder with the VM's bytes and with import,
 * snapshot, policies, and refusals that carry the same error as REST.
 */
class SoapKvmTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external().with("node.heartbeat", "PT0.3S");
    private static final String PASSPHRASE = "correct horse battery staple";
    private static BulwarkNode node;
    @TempDir
    static Path dir;
    private static BulwarkSoap soap;
    private static String admin;
    private static SoapHypervisor hypervisor;

    /** A SOAP call in a wait: a fault fails the test. */
    private interface SoapCall<T> {
        T call() throws BulwarkFault;
    }

    @BeforeAll
    static void enrollNodeAndAddTheHypervisorThroughSoap() throws Exception {
        String enrollToken = "soap-node-token-0123456789";
        node = BulwarkNode.start(new NodeConfig(dir.resolve("node"), "soap-node", "127.0.0.1", 0, 2, enrollToken));
        String restAdmin = SERVER.server().adminToken();
        Http.Answer enrolled = http().call("POST", "/nodes", restAdmin,
                new NodeEnrollment("soap-node", "127.0.0.1", node.ssh().port(), enrollToken));
        assertEquals(200, enrolled.status(), enrolled.body());
        UUID nodeId = enrolled.as(Node.class).id();
        Await.until(() -> http().get("/nodes/" + nodeId, restAdmin).as(Node.class), n -> n.state() == NodeState.ONLINE,
                "node online");

        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BulwarkSoap.class);
        factory.setAddress(SERVER.server().url() + Api.SOAP);
        soap = factory.create(BulwarkSoap.class);
        admin = soap.login("admin", TestServer.ADMIN_PASSWORD).token;

        SoapHypervisorRequest request = new SoapHypervisorRequest();
        request.name = "soap-local";
        request.nodeId = nodeId.toString();
        request.uri = KvmLab.URI;
        hypervisor = soap.addHypervisor(admin, request);
        assertEquals(nodeId.toString(), hypervisor.nodeId);
        assertTrue(soap.listHypervisors(admin).stream().anyMatch(h -> h.id.equals(hypervisor.id)));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private static Http http() {
        return SERVER.server().http();
    }

    private static <T> T soap(SoapCall<T> call) {
        try {
            return call.call();
        } catch (BulwarkFault fault) {
            throw new AssertionError(fault.getFaultInfo().code + ": " + fault.getMessage(), fault);
        }
    }

    private static SoapTask succeeded(SoapTask queued) {
        SoapTask task = Await.until(() -> soap(() -> soap.getTask(admin, queued.id)),
                t -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(t.state), "end of task " + queued.id);
        assertEquals("SUCCEEDED", task.state, task.message);
        return task;
    }

    /** A new VM of the lab (removed after each test), synced into the inventory through SOAP. */
    private static SoapVm syncedVm() throws IOException, BulwarkFault {
        String name = LAB.defineVm("bw-soap");
        SoapTask sync = succeeded(soap.syncHypervisor(admin, hypervisor.id));
        assertEquals("INVENTORY", sync.type);
        return Await.until(() -> orEmpty(soap(() -> soap.listVms(admin))).stream()
                        .filter(v -> v.hypervisorId.equals(hypervisor.id) && v.name.equals(name)).findFirst(),
                Optional::isPresent, "VM " + name + " listed through SOAP").orElseThrow();
    }

    private static SoapRestorePoint restorePointOf(SoapTask backup, SoapVm vm) {
        return Await.until(() -> soap(() -> orEmpty(soap.listVmRestorePoints(admin, vm.id))).stream()
                        .filter(p -> p.taskId.equals(backup.id)).findFirst(),
                Optional::isPresent, "restore point of task " + backup.id).orElseThrow();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static SoapBackupRequest onDemand(Path destination) {
        SoapBackupRequest request = new SoapBackupRequest();
        request.destination = destination.toString();
        request.passphrase = PASSPHRASE;
        return request;
    }

    private static ApiError error(BulwarkFault fault) {
        SoapError detail = fault.getFaultInfo();
        assertEquals(detail.message, fault.getMessage(), "the fault string is the error's message");
        return new ApiError(detail.status, detail.code, detail.message);
    }

    /** The fault's error, checked against what REST answers to the same request. */
    private static ApiError sameAsRest(BulwarkFault fault, Http.Answer rest) {
        ApiError error = error(fault);
        assertEquals(rest.error(), error, "SOAP and REST refuse alike");
        return error;
    }

    @Test
    void syncedVmBackedUpOnDemandRestoresToAFolderWithTheVmsBytes() throws Exception {
        SoapVm vm = syncedVm();
        assertEquals("SHUT_OFF", vm.state);
        assertTrue(vm.present);
        assertEquals(List.of("bw-soap"), vm.tags);
        assertEquals("vda", vm.disks.getFirst().target);
        assertEquals(KvmLab.DISK_SIZE, vm.disks.getFirst().virtualSize);
        assertEquals(vm.uuid, soap.getVm(admin, vm.id).uuid);

        Path destination = dir.resolve("on-demand"); // the node creates the repository
        SoapTask backup = succeeded(soap.backUpVm(admin, vm.id, onDemand(destination)));
        assertEquals("BACKUP", backup.type);
        assertFalse(orEmpty(soap.taskLog(admin, backup.id)).isEmpty(), "the task log is served");

        SoapRestorePoint point = restorePointOf(backup, vm);
        assertEquals("FULL", point.kind);
        assertEquals(vm.name, point.vmName);
        assertNull(point.policyId, "a backup on demand");
        assertEquals(destination.toString(), point.destination);
        assertEquals(point.createdAt, soap.getRestorePoint(admin, point.id).createdAt);
        assertTrue(soap.listRestorePoints(admin).stream().anyMatch(p -> p.id.equals(point.id)));

        Path folder = Files.createDirectories(dir.resolve("restored"));
        SoapRestoreRequest restore = new SoapRestoreRequest();
        restore.folder = folder.toString();
        restore.format = "raw";
        restore.passphrase = PASSPHRASE;
        assertEquals("RESTORE", succeeded(soap.restore(admin, point.id, restore)).type);
        try (InputStream restored = Files.newInputStream(folder.resolve(vm.name + "-vda.raw"))) {
            assertEquals(LAB.rawSha256(LAB.disk(vm.name)), KvmLab.sha256(restored),
                    "the restored disk has the bytes of the VM's disk");
        }

        String copy = vm.name + "-copy";
        LAB.adopt(copy);
        restore.folder = Files.createDirectories(dir.resolve("imported")).toString();
        restore.format = "qcow2";
        restore.name = copy;
        restore.importVm = true;
        SoapTask restored = succeeded(soap.restore(admin, point.id, restore));
        SoapTask imported = Await.until(() -> soap(() -> soap.listTasks(admin)).stream()
                        .filter(t -> t.type.equals("IMPORT") && t.createdAt.compareTo(restored.createdAt) > 0).findFirst(),
                Optional::isPresent, "the IMPORT after the RESTORE").orElseThrow();
        succeeded(imported);
        succeeded(soap.syncHypervisor(admin, hypervisor.id));
        SoapVm defined = Await.until(() -> soap(() -> soap.listVms(admin)).stream()
                        .filter(v -> v.name.equals(copy)).findFirst(), Optional::isPresent, "the imported VM").orElseThrow();
        assertFalse(defined.uuid.equals(vm.uuid), "the import is a new VM on the hypervisor");

        BulwarkFault ended = assertThrows(BulwarkFault.class, () -> soap.cancelTask(admin, backup.id));
        assertEquals(409, ended.getFaultInfo().status, "a task that ended cannot be cancelled");
    }

    @Test
    void snapshotOfAVmIsTakenThroughSoapAndOneWithoutALabelRefused() throws Exception {
        SoapVm vm = syncedVm();
        SoapSnapshotRequest snapshot = new SoapSnapshotRequest();
        BulwarkFault noLabel = assertThrows(BulwarkFault.class, () -> soap.snapshotVm(admin, vm.id, snapshot));
        assertEquals(new ApiError(400, "BAD_REQUEST", "label is required"), error(noLabel), "a snapshot needs a label");
        snapshot.label = "soap";
        snapshot.keep = 1;
        assertEquals("SNAPSHOT", succeeded(soap.snapshotVm(admin, vm.id, snapshot)).type);
        assertTrue(KvmLab.run("virsh", "-c", KvmLab.URI, "snapshot-list", "--name", vm.name).contains("soap-"),
                "libvirt has the snapshot");
    }

    @Test
    void policyIsCreatedUpdatedUsedForABackupAndDeleted() throws Exception {
        SoapVm vm = syncedVm();
        Path destination = dir.resolve("by-policy");
        Path passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE);
        SoapPolicyRequest request = new SoapPolicyRequest();
        request.name = "soap-policy";
        request.vmIds = List.of(vm.id);
        request.destination = destination.toString();
        request.passphraseFile = passphraseFile.toString();
        request.schedules = List.of("daily 03:00");
        request.retention = new SoapRetention();
        request.retention.keepLast = 3;
        request.enabled = true;
        SoapPolicy policy = soap.createPolicy(admin, request);
        assertEquals(List.of(vm.id), policy.selectedVmIds);
        assertEquals("daily 03:00", policy.schedules.getFirst().expression);
        assertTrue(policy.schedules.getFirst().nextRun.endsWith("T03:00:00Z"), policy.schedules.getFirst().nextRun);
        assertEquals(3, policy.retention.keepLast);

        request.name = "soap-policy-renamed";
        request.retention.keepDays = 7;
        request.enabled = false;
        SoapPolicy updated = soap.updatePolicy(admin, policy.id, request);
        assertEquals("soap-policy-renamed", soap.getPolicy(admin, policy.id).name);
        assertEquals(7, updated.retention.keepDays);
        assertTrue(soap.listPolicies(admin).stream().anyMatch(p -> p.id.equals(policy.id)));
        BulwarkFault disabled = assertThrows(BulwarkFault.class, () -> soap.runPolicy(admin, policy.id));
        assertEquals(new ApiError(409, "CONFLICT", "Policy soap-policy-renamed is disabled"), error(disabled));

        SoapBackupRequest byPolicy = new SoapBackupRequest();
        byPolicy.policyId = policy.id;
        SoapRestorePoint point = restorePointOf(succeeded(soap.backUpVm(admin, vm.id, byPolicy)), vm);
        assertEquals(policy.id, point.policyId);
        assertTrue(orEmpty(soap.applyRetention(admin, policy.id)).isEmpty(), "keep last 3 expires none of one");

        soap.deletePolicy(admin, policy.id);
        BulwarkFault gone = assertThrows(BulwarkFault.class, () -> soap.getPolicy(admin, policy.id));
        sameAsRest(gone, http().get("/policies/" + policy.id, SERVER.server().adminToken()));
    }

    @Test
    void aWrongScheduleIsRefusedWithTheReasonRestGives() throws BulwarkFault {
        SoapPolicyRequest request = new SoapPolicyRequest();
        request.name = "wrong-schedule";
        request.destination = dir.resolve("x").toString();
        request.passphraseFile = dir.resolve("p").toString();
        request.schedules = List.of("61 * * * *");
        BulwarkFault fault = assertThrows(BulwarkFault.class, () -> soap.createPolicy(admin, request));
        ApiError error = sameAsRest(fault, http().call("POST", "/policies", SERVER.server().adminToken(),
                new PolicyRequest("wrong-schedule", null, null, null, request.destination, request.passphraseFile,
                        request.schedules, null, 0, false)));
        assertEquals(400, error.status());
        BulwarkFault preview = assertThrows(BulwarkFault.class, () -> soap.previewSchedule(admin, "61 * * * *", 2));
        assertEquals(400, sameAsRest(preview, http().get("/policies/schedule-preview?expression=61%20*%20*%20*%20*&count=2",
                SERVER.server().adminToken())).status());
        List<String> runs = soap.previewSchedule(admin, "daily 03:00", 2);
        assertEquals(2, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.endsWith("T03:00:00Z")), runs.toString());
        assertTrue(orEmpty(soap.listPolicies(admin)).stream().noneMatch(p -> p.name.equals("wrong-schedule")),
                "nothing was created");
    }

    @Test
    void aViewerMayListButNotBackUpAsInRest() throws Exception {
        SoapVm vm = syncedVm();
        String restAdmin = SERVER.server().adminToken();
        assertEquals(200, http().call("POST", "/users", restAdmin,
                new NewUser("soapkvmviewer", "soap-kvm-viewer-password", Role.VIEWER)).status());
        String viewer = soap.login("soapkvmviewer", "soap-kvm-viewer-password").token;
        assertTrue(soap.listVms(viewer).stream().anyMatch(v -> v.id.equals(vm.id)), "a viewer lists VMs");

        SoapBackupRequest request = onDemand(dir.resolve("never"));
        BulwarkFault refused = assertThrows(BulwarkFault.class, () -> soap.backUpVm(viewer, vm.id, request));
        ApiError error = sameAsRest(refused, http().call("POST", "/vms/" + vm.id + "/backup", viewer,
                new BackupRequest(null, request.destination, PASSPHRASE, null, false)));
        assertEquals(403, error.status());
        assertEquals("FORBIDDEN", error.code());
        assertFalse(Files.exists(dir.resolve("never")), "nothing was backed up");
        assertTrue(orEmpty(soap.listTasks(admin)).stream().noneMatch(t -> "soapkvmviewer".equals(t.owner)),
                "no task was queued for the viewer");
    }

    @Test
    void aHypervisorIsRemovedAndRemovingItAgainIsNotFound() throws BulwarkFault {
        SoapHypervisorRequest request = new SoapHypervisorRequest();
        request.name = "soap-spare";
        request.nodeId = hypervisor.nodeId;
        SoapHypervisor spare = soap.addHypervisor(admin, request);
        assertEquals("qemu:///system", spare.uri, "the local URI when none is given");
        soap.removeHypervisor(admin, spare.id);
        assertTrue(soap.listHypervisors(admin).stream().noneMatch(h -> h.id.equals(spare.id)));
        BulwarkFault again = assertThrows(BulwarkFault.class, () -> soap.removeHypervisor(admin, spare.id));
        sameAsRest(again, http().call("DELETE", "/hypervisors/" + spare.id, SERVER.server().adminToken(), null));
    }

    @Test
    void anUnknownVmIsAClearFault() {
        String unknown = UUID.randomUUID().toString();
        SoapBackupRequest request = onDemand(dir.resolve("never"));
        BulwarkFault fault = assertThrows(BulwarkFault.class, () -> soap.backUpVm(admin, unknown, request));
        ApiError error = sameAsRest(fault, http().call("POST", "/vms/" + unknown + "/backup", SERVER.server().adminToken(),
                new BackupRequest(null, request.destination, PASSPHRASE, null, false)));
        assertEquals(new ApiError(404, "NOT_FOUND", "No VM " + unknown), error);

        BulwarkFault notAnId = assertThrows(BulwarkFault.class, () -> soap.getVm(admin, "not-a-vm-id"));
        assertEquals(new ApiError(404, "NOT_FOUND", "No VM not-a-vm-id"), error(notAnId));
    }
}
