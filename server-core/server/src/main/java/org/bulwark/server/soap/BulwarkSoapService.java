package org.bulwark.server.soap;

import jakarta.jws.WebService;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.bulwark.api.ApiError;
import org.bulwark.api.ApiException;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.MountRequest;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.SnapshotRequest;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.Api;
import org.bulwark.api.rest.AuthResource;
import org.bulwark.api.rest.HypervisorResource;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.MountResource;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.api.rest.SystemResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.policy.PolicyService;
import org.bulwark.server.mount.MountService;
import org.bulwark.server.restorepoint.RestorePointService;
import org.bulwark.server.system.SystemService;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.user.Authorizer;
import org.bulwark.server.user.Caller;
import org.bulwark.server.user.SessionService;
import org.bulwark.server.workflow.Workflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BulwarkSoap} over the same services as REST. Each operation is authorized as the REST
 * method it mirrors (its {@code @RolesAllowed}), through the one {@link Authorizer}, and every
 * failure becomes a {@link BulwarkFault} with the error REST would answer.
 */
@WebService(endpointInterface = "org.bulwark.server.soap.BulwarkSoap", targetNamespace = BulwarkSoap.NAMESPACE,
        serviceName = "BulwarkService", portName = "BulwarkPort")
public final class BulwarkSoapService implements BulwarkSoap {
    private static final Logger LOG = LoggerFactory.getLogger(BulwarkSoapService.class);
    private static final Method LOGIN = Authorizer.apiMethod(AuthResource.class, "login", LoginRequest.class);
    private static final Method INFO = Authorizer.apiMethod(SystemResource.class, "info");
    private static final Method NODES = Authorizer.apiMethod(NodeResource.class, "list");
    private static final Method TASKS = Authorizer.apiMethod(TaskResource.class, "list");
    private static final Method TASK = Authorizer.apiMethod(TaskResource.class, "get", UUID.class);
    private static final Method TASK_LOG = Authorizer.apiMethod(TaskResource.class, "log", UUID.class);
    private static final Method SUBMIT = Authorizer.apiMethod(TaskResource.class, "submit", TaskRequest.class);
    private static final Method CANCEL = Authorizer.apiMethod(TaskResource.class, "cancel", UUID.class);
    private static final Method HYPERVISORS = Authorizer.apiMethod(HypervisorResource.class, "list");
    private static final Method HYPERVISOR_ADD = Authorizer.apiMethod(HypervisorResource.class, "add", HypervisorRequest.class);
    private static final Method HYPERVISOR_REMOVE = Authorizer.apiMethod(HypervisorResource.class, "remove", UUID.class);
    private static final Method HYPERVISOR_SYNC = Authorizer.apiMethod(HypervisorResource.class, "sync", UUID.class);
    private static final Method VMS = Authorizer.apiMethod(VmResource.class, "list");
    private static final Method VM = Authorizer.apiMethod(VmResource.class, "get", UUID.class);
    private static final Method VM_BACKUP = Authorizer.apiMethod(VmResource.class, "backup", UUID.class, BackupRequest.class);
    private static final Method VM_SNAPSHOT = Authorizer.apiMethod(VmResource.class, "snapshot", UUID.class,
            SnapshotRequest.class);
    private static final Method VM_RESTORE_POINTS = Authorizer.apiMethod(VmResource.class, "restorePoints", UUID.class);
    private static final Method RESTORE_POINTS = Authorizer.apiMethod(RestorePointResource.class, "list");
    private static final Method RESTORE_POINT = Authorizer.apiMethod(RestorePointResource.class, "get", String.class);
    private static final Method RESTORE = Authorizer.apiMethod(RestorePointResource.class, "restore", String.class,
            RestoreRequest.class);
    private static final Method POLICIES = Authorizer.apiMethod(PolicyResource.class, "list");
    private static final Method POLICY = Authorizer.apiMethod(PolicyResource.class, "get", UUID.class);
    private static final Method POLICY_CREATE = Authorizer.apiMethod(PolicyResource.class, "create", PolicyRequest.class);
    private static final Method POLICY_UPDATE = Authorizer.apiMethod(PolicyResource.class, "update", UUID.class,
            PolicyRequest.class);
    private static final Method POLICY_DELETE = Authorizer.apiMethod(PolicyResource.class, "delete", UUID.class);
    private static final Method POLICY_RUN = Authorizer.apiMethod(PolicyResource.class, "run", UUID.class);
    private static final Method POLICY_RETENTION = Authorizer.apiMethod(PolicyResource.class, "applyRetention", UUID.class);
    private static final Method MOUNT = Authorizer.apiMethod(MountResource.class, "mount", MountRequest.class);
    private static final Method MOUNTS = Authorizer.apiMethod(MountResource.class, "list");
    private static final Method MOUNT_GET = Authorizer.apiMethod(MountResource.class, "get", UUID.class);
    private static final Method UNMOUNT = Authorizer.apiMethod(MountResource.class, "unmount", UUID.class);
    private static final Method MOUNT_LIST = Authorizer.apiMethod(MountResource.class, "list", UUID.class, int.class,
            String.class);
    private static final Method MOUNT_SEARCH = Authorizer.apiMethod(MountResource.class, "search", UUID.class, int.class,
            String.class, String.class, int.class);
    private static final Method SCHEDULE_PREVIEW = Authorizer.apiMethod(PolicyResource.class, "schedulePreview",
            String.class, int.class);

    private final Authorizer authorizer;
    private final SessionService sessions;
    private final SystemService system;
    private final NodeRegistry nodes;
    private final TaskService tasks;
    private final KvmServices kvm;

    /**
     * The services of KVM protection, as {@code KvmEndpoints} gets them for REST.
     */
    public record KvmServices(InventoryService inventory, PolicyService policies, RestorePointService restorePoints,
                              Workflows workflows, MountService mounts) {
    }

    public BulwarkSoapService(Authorizer authorizer, SessionService sessions, SystemService system, NodeRegistry nodes,
                              TaskService tasks, KvmServices kvm) {
        this.authorizer = authorizer;
        this.sessions = sessions;
        this.system = system;
        this.nodes = nodes;
        this.tasks = tasks;
        this.kvm = kvm;
    }

    /** Starts the SOAP endpoint at {@code root + Api.SOAP} (WSDL at {@code ?wsdl}). */
    public org.apache.cxf.endpoint.Server publish(Bus bus, String root) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(BulwarkSoap.class);
        factory.setServiceBean(this);
        factory.setAddress(root + Api.SOAP);
        factory.setProperties(new HashMap<>(Map.of(FaultListener.class.getName(), new ClientFaults())));
        return factory.create();
    }

    @Override
    public SoapSession login(String username, String password) throws BulwarkFault {
        return call(LOGIN, null, caller -> SoapBeans.bean(sessions.login(username, password), SoapSession.class));
    }

    @Override
    public SoapServerInfo serverInfo(String token) throws BulwarkFault {
        return call(INFO, token, caller -> SoapBeans.bean(system.info(), SoapServerInfo.class));
    }

    @Override
    public List<SoapNode> listNodes(String token) throws BulwarkFault {
        return call(NODES, token, caller -> SoapBeans.beans(nodes.list(), SoapNode.class));
    }

    @Override
    public List<SoapTask> listTasks(String token) throws BulwarkFault {
        return call(TASKS, token, caller -> SoapBeans.beans(tasks.list(), SoapTask.class));
    }

    @Override
    public SoapTask submitTask(String token, String type, String nodeId) throws BulwarkFault {
        return call(SUBMIT, token, caller -> {
            TaskType taskType;
            UUID node;
            try {
                taskType = TaskType.valueOf(Errors.required(type, "type"));
                node = nodeId == null || nodeId.isBlank() ? null : UUID.fromString(nodeId);
            } catch (IllegalArgumentException e) {
                throw Errors.badRequest("Invalid type or nodeId: " + e.getMessage());
            }
            return SoapBeans.bean(tasks.submit(caller, new TaskRequest(taskType, node, Map.of())), SoapTask.class);
        });
    }

    @Override
    public SoapTask getTask(String token, String taskId) throws BulwarkFault {
        return call(TASK, token, caller -> SoapBeans.bean(tasks.get(SoapBeans.id(taskId, "task")), SoapTask.class));
    }

    @Override
    public List<SoapTaskLogEntry> taskLog(String token, String taskId) throws BulwarkFault {
        return call(TASK_LOG, token, caller -> SoapBeans.beans(tasks.log(SoapBeans.id(taskId, "task")),
                SoapTaskLogEntry.class));
    }

    @Override
    public SoapTask cancelTask(String token, String taskId) throws BulwarkFault {
        return call(CANCEL, token, caller -> SoapBeans.bean(tasks.cancel(caller, SoapBeans.id(taskId, "task")),
                SoapTask.class));
    }

    @Override
    public List<SoapHypervisor> listHypervisors(String token) throws BulwarkFault {
        return call(HYPERVISORS, token, caller -> SoapBeans.beans(kvm.inventory().hypervisors(), SoapHypervisor.class));
    }

    @Override
    public SoapHypervisor addHypervisor(String token, SoapHypervisorRequest request) throws BulwarkFault {
        return call(HYPERVISOR_ADD, token, caller -> SoapBeans.bean(
                kvm.inventory().add(caller, SoapBeans.record(request, HypervisorRequest.class)), SoapHypervisor.class));
    }

    @Override
    public void removeHypervisor(String token, String hypervisorId) throws BulwarkFault {
        act(HYPERVISOR_REMOVE, token, caller -> kvm.inventory().remove(caller, SoapBeans.id(hypervisorId, "hypervisor")));
    }

    @Override
    public SoapTask syncHypervisor(String token, String hypervisorId) throws BulwarkFault {
        return call(HYPERVISOR_SYNC, token, caller -> SoapBeans.bean(
                kvm.workflows().sync(caller, SoapBeans.id(hypervisorId, "hypervisor")), SoapTask.class));
    }

    @Override
    public List<SoapVm> listVms(String token) throws BulwarkFault {
        return call(VMS, token, caller -> SoapBeans.beans(kvm.inventory().vms(), SoapVm.class));
    }

    @Override
    public SoapVm getVm(String token, String vmId) throws BulwarkFault {
        return call(VM, token, caller -> SoapBeans.bean(kvm.inventory().vm(SoapBeans.id(vmId, "VM")), SoapVm.class));
    }

    @Override
    public SoapTask backUpVm(String token, String vmId, SoapBackupRequest request) throws BulwarkFault {
        return call(VM_BACKUP, token, caller -> SoapBeans.bean(kvm.workflows().backup(caller, SoapBeans.id(vmId, "VM"),
                SoapBeans.record(request, BackupRequest.class)), SoapTask.class));
    }

    @Override
    public SoapTask snapshotVm(String token, String vmId, SoapSnapshotRequest request) throws BulwarkFault {
        return call(VM_SNAPSHOT, token, caller -> SoapBeans.bean(kvm.workflows().snapshot(caller,
                SoapBeans.id(vmId, "VM"), SoapBeans.record(request, SnapshotRequest.class)), SoapTask.class));
    }

    @Override
    public List<SoapRestorePoint> listVmRestorePoints(String token, String vmId) throws BulwarkFault {
        return call(VM_RESTORE_POINTS, token, caller -> {
            UUID id = kvm.inventory().vm(SoapBeans.id(vmId, "VM")).id();
            return SoapBeans.beans(kvm.restorePoints().ofVm(id), SoapRestorePoint.class);
        });
    }

    @Override
    public List<SoapRestorePoint> listRestorePoints(String token) throws BulwarkFault {
        return call(RESTORE_POINTS, token, caller -> SoapBeans.beans(kvm.restorePoints().list(), SoapRestorePoint.class));
    }

    @Override
    public SoapRestorePoint getRestorePoint(String token, String restorePointId) throws BulwarkFault {
        return call(RESTORE_POINT, token, caller -> SoapBeans.bean(kvm.restorePoints().get(restorePointId),
                SoapRestorePoint.class));
    }

    @Override
    public SoapTask restore(String token, String restorePointId, SoapRestoreRequest request) throws BulwarkFault {
        return call(RESTORE, token, caller -> SoapBeans.bean(kvm.workflows().restore(caller, restorePointId,
                SoapBeans.record(request, RestoreRequest.class)), SoapTask.class));
    }

    @Override
    public List<SoapPolicy> listPolicies(String token) throws BulwarkFault {
        return call(POLICIES, token, caller -> SoapBeans.beans(kvm.policies().list(), SoapPolicy.class));
    }

    @Override
    public SoapPolicy getPolicy(String token, String policyId) throws BulwarkFault {
        return call(POLICY, token, caller -> SoapBeans.bean(kvm.policies().get(SoapBeans.id(policyId, "policy")),
                SoapPolicy.class));
    }

    @Override
    public SoapPolicy createPolicy(String token, SoapPolicyRequest request) throws BulwarkFault {
        return call(POLICY_CREATE, token, caller -> SoapBeans.bean(
                kvm.policies().create(caller, SoapBeans.record(request, PolicyRequest.class)), SoapPolicy.class));
    }

    @Override
    public SoapPolicy updatePolicy(String token, String policyId, SoapPolicyRequest request) throws BulwarkFault {
        return call(POLICY_UPDATE, token, caller -> SoapBeans.bean(kvm.policies().update(caller,
                SoapBeans.id(policyId, "policy"), SoapBeans.record(request, PolicyRequest.class)), SoapPolicy.class));
    }

    @Override
    public void deletePolicy(String token, String policyId) throws BulwarkFault {
        act(POLICY_DELETE, token, caller -> kvm.policies().delete(caller, SoapBeans.id(policyId, "policy")));
    }

    @Override
    public List<SoapTask> runPolicy(String token, String policyId) throws BulwarkFault {
        return call(POLICY_RUN, token, caller -> SoapBeans.beans(
                kvm.workflows().runPolicy(caller, SoapBeans.id(policyId, "policy")), SoapTask.class));
    }

    @Override
    public List<SoapRestorePoint> applyRetention(String token, String policyId) throws BulwarkFault {
        return call(POLICY_RETENTION, token, caller -> SoapBeans.beans(
                kvm.workflows().applyRetention(caller, SoapBeans.id(policyId, "policy")), SoapRestorePoint.class));
    }

    @Override
    public List<String> previewSchedule(String token, String expression, int count) throws BulwarkFault {
        return call(SCHEDULE_PREVIEW, token, caller -> kvm.policies().preview(expression, count).stream()
                .map(Object::toString).toList());
    }

    /** {@link #call} of an operation that answers nothing. */
    private void act(Method apiMethod, String token, Consumer<Caller> work) throws BulwarkFault {
        call(apiMethod, token, caller -> {
            work.accept(caller);
            return null;
        });
    }

    @Override
    public SoapTask mount(String token, SoapMountRequest request) throws BulwarkFault {
        return call(MOUNT, token, caller -> SoapBeans.bean(kvm.workflows().mount(caller,
                SoapBeans.record(request, MountRequest.class)), SoapTask.class));
    }

    @Override
    public List<SoapMount> listMounts(String token) throws BulwarkFault {
        return call(MOUNTS, token, caller -> SoapBeans.beans(kvm.mounts().list(), SoapMount.class));
    }

    @Override
    public SoapMount getMount(String token, String mountId) throws BulwarkFault {
        return call(MOUNT_GET, token, caller -> SoapBeans.bean(kvm.mounts().get(SoapBeans.id(mountId, "mount")), SoapMount.class));
    }

    @Override
    public SoapTask unmount(String token, String mountId) throws BulwarkFault {
        return call(UNMOUNT, token, caller -> SoapBeans.bean(kvm.workflows().unmount(caller,
                kvm.mounts().get(SoapBeans.id(mountId, "mount"))), SoapTask.class));
    }

    @Override
    public List<SoapMountEntry> listMountFolder(String token, String mountId, int partition, String path) throws BulwarkFault {
        return call(MOUNT_LIST, token, caller -> SoapBeans.beans(kvm.mounts().list(SoapBeans.id(mountId, "mount"), partition,
                path), SoapMountEntry.class));
    }

    @Override
    public List<SoapMountEntry> searchMount(String token, String mountId, int partition, String path, String name, int limit)
            throws BulwarkFault {
        return call(MOUNT_SEARCH, token, caller -> SoapBeans.beans(kvm.mounts().search(SoapBeans.id(mountId, "mount"), partition,
                path, name, limit), SoapMountEntry.class));
    }

    /** Authorizes {@code apiMethod} for the token and runs {@code work} with the caller ({@code null} for a public method). */
    private <T> T call(Method apiMethod, String token, Function<Caller, T> work) throws BulwarkFault {
        ApiError error;
        try {
            return work.apply(authorizer.authorize(apiMethod, token).orElse(null));
        } catch (ApiException e) {
            error = e.error();
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.error("internal error id={} operation={}", id, apiMethod.getName(), e);
            error = new ApiError(500, Errors.INTERNAL, "Internal server error; the server log has details under id " + id);
        }
        throw new BulwarkFault(error.message(), SoapBeans.bean(error, SoapError.class));
    }
}
