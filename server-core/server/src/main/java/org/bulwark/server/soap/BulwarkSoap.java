package org.bulwark.server.soap;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.List;

/**
 * The SOAP face of the API for integrations: the same services and the same authorization as
 * REST, each operation mirroring one REST method (named in its Javadoc). The session token
 * travels in the SOAP header element {@code token}; ids are UUID text. Types are JAXB beans
 * because JAXB cannot bind Java records.
 */
@WebService(name = "Bulwark", targetNamespace = BulwarkSoap.NAMESPACE)
public interface BulwarkSoap {
    String NAMESPACE = "urn:bulwark:soap:v1";

    /** Opens a session, as {@code AuthResource.login}. */
    @WebMethod
    @WebResult(name = "session")
    SoapSession login(@WebParam(name = "username") String username, @WebParam(name = "password") String password)
            throws BulwarkFault;

    /** As {@code SystemResource.info}. */
    @WebMethod
    @WebResult(name = "info")
    SoapServerInfo serverInfo(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code NodeResource.list}. */
    @WebMethod
    @WebResult(name = "node")
    List<SoapNode> listNodes(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code TaskResource.list}. */
    @WebMethod
    @WebResult(name = "task")
    List<SoapTask> listTasks(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code TaskResource.submit}; {@code nodeId} may be empty to let the server choose. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask submitTask(@WebParam(name = "token", header = true) String token, @WebParam(name = "type") String type,
                        @WebParam(name = "nodeId") String nodeId) throws BulwarkFault;

    /** As {@code TaskResource.get}. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask getTask(@WebParam(name = "token", header = true) String token,
                     @WebParam(name = "taskId") String taskId) throws BulwarkFault;

    /** As {@code TaskResource.log}. */
    @WebMethod
    @WebResult(name = "entry")
    List<SoapTaskLogEntry> taskLog(@WebParam(name = "token", header = true) String token,
                                   @WebParam(name = "taskId") String taskId) throws BulwarkFault;

    /** As {@code TaskResource.cancel}: a task that already ended is a 409 fault. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask cancelTask(@WebParam(name = "token", header = true) String token,
                        @WebParam(name = "taskId") String taskId) throws BulwarkFault;

    /** As {@code HypervisorResource.list}. */
    @WebMethod
    @WebResult(name = "hypervisor")
    List<SoapHypervisor> listHypervisors(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code HypervisorResource.add}. */
    @WebMethod
    @WebResult(name = "hypervisor")
    SoapHypervisor addHypervisor(@WebParam(name = "token", header = true) String token,
                                 @WebParam(name = "request") SoapHypervisorRequest request) throws BulwarkFault;

    /** As {@code HypervisorResource.remove}. */
    @WebMethod
    void removeHypervisor(@WebParam(name = "token", header = true) String token,
                          @WebParam(name = "hypervisorId") String hypervisorId) throws BulwarkFault;

    /** As {@code HypervisorResource.sync}: the INVENTORY task; the VM list follows its result. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask syncHypervisor(@WebParam(name = "token", header = true) String token,
                            @WebParam(name = "hypervisorId") String hypervisorId) throws BulwarkFault;

    /** As {@code VmResource.list}: every VM, vanished ones included. */
    @WebMethod
    @WebResult(name = "vm")
    List<SoapVm> listVms(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code VmResource.get}. */
    @WebMethod
    @WebResult(name = "vm")
    SoapVm getVm(@WebParam(name = "token", header = true) String token,
                 @WebParam(name = "vmId") String vmId) throws BulwarkFault;

    /** As {@code VmResource.backup}: on demand, or by a policy. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask backUpVm(@WebParam(name = "token", header = true) String token,
                      @WebParam(name = "vmId") String vmId,
                      @WebParam(name = "request") SoapBackupRequest request)
            throws BulwarkFault;

    /** As {@code VmResource.snapshot}: create or revert. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask snapshotVm(@WebParam(name = "token", header = true) String token,
                        @WebParam(name = "vmId") String vmId,
                        @WebParam(name = "request") SoapSnapshotRequest request)
            throws BulwarkFault;

    /** As {@code VmResource.restorePoints}: newest first. */
    @WebMethod
    @WebResult(name = "restorePoint")
    List<SoapRestorePoint> listVmRestorePoints(@WebParam(name = "token", header = true) String token,
                                               @WebParam(name = "vmId") String vmId) throws BulwarkFault;

    /** As {@code RestorePointResource.list}. */
    @WebMethod
    @WebResult(name = "restorePoint")
    List<SoapRestorePoint> listRestorePoints(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code RestorePointResource.get}. */
    @WebMethod
    @WebResult(name = "restorePoint")
    SoapRestorePoint getRestorePoint(@WebParam(name = "token", header = true) String token,
                                     @WebParam(name = "restorePointId") String restorePointId) throws BulwarkFault;

    /** As {@code RestorePointResource.restore}: into a folder on the node; with {@code importVm} onto the hypervisor. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask restore(@WebParam(name = "token", header = true) String token,
                     @WebParam(name = "restorePointId") String restorePointId,
                     @WebParam(name = "request") SoapRestoreRequest request) throws BulwarkFault;

    /** As {@code PolicyResource.list}. */
    @WebMethod
    @WebResult(name = "policy")
    List<SoapPolicy> listPolicies(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code PolicyResource.get}. */
    @WebMethod
    @WebResult(name = "policy")
    SoapPolicy getPolicy(@WebParam(name = "token", header = true) String token,
                         @WebParam(name = "policyId") String policyId) throws BulwarkFault;

    /** As {@code PolicyResource.create}. */
    @WebMethod
    @WebResult(name = "policy")
    SoapPolicy createPolicy(@WebParam(name = "token", header = true) String token,
                            @WebParam(name = "request") SoapPolicyRequest request) throws BulwarkFault;

    /** As {@code PolicyResource.update}. */
    @WebMethod
    @WebResult(name = "policy")
    SoapPolicy updatePolicy(@WebParam(name = "token", header = true) String token,
                            @WebParam(name = "policyId") String policyId,
                            @WebParam(name = "request") SoapPolicyRequest request) throws BulwarkFault;

    /** As {@code PolicyResource.delete}. */
    @WebMethod
    void deletePolicy(@WebParam(name = "token", header = true) String token,
                      @WebParam(name = "policyId") String policyId) throws BulwarkFault;

    /** As {@code PolicyResource.run}: one BACKUP task per VM of the policy. */
    @WebMethod
    @WebResult(name = "task")
    List<SoapTask> runPolicy(@WebParam(name = "token", header = true) String token,
                             @WebParam(name = "policyId") String policyId) throws BulwarkFault;

    /** As {@code PolicyResource.applyRetention}: the restore points it expired. */
    @WebMethod
    @WebResult(name = "restorePoint")
    List<SoapRestorePoint> applyRetention(@WebParam(name = "token", header = true) String token,
                                          @WebParam(name = "policyId") String policyId) throws BulwarkFault;

    /** As {@code PolicyResource.schedulePreview}: the next {@code count} run times (ISO-8601). */
    @WebMethod
    @WebResult(name = "run")
    List<String> previewSchedule(@WebParam(name = "token", header = true) String token,
                                 @WebParam(name = "expression") String expression, @WebParam(name = "count") int count)
            throws BulwarkFault;

    /** As {@code MountResource.mount}: the MOUNT task; the mount is listed once it succeeded. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask mount(@WebParam(name = "token", header = true) String token,
                   @WebParam(name = "request") SoapMountRequest request) throws BulwarkFault;

    /** As {@code MountResource.list}. */
    @WebMethod
    @WebResult(name = "mount")
    List<SoapMount> listMounts(@WebParam(name = "token", header = true) String token) throws BulwarkFault;

    /** As {@code MountResource.get}. */
    @WebMethod
    @WebResult(name = "mount")
    SoapMount getMount(@WebParam(name = "token", header = true) String token,
                       @WebParam(name = "mountId") String mountId) throws BulwarkFault;

    /** As {@code MountResource.unmount}: the UNMOUNT task. */
    @WebMethod
    @WebResult(name = "task")
    SoapTask unmount(@WebParam(name = "token", header = true) String token,
                     @WebParam(name = "mountId") String mountId) throws BulwarkFault;

    /** As {@code MountResource.list(id, n, path)}: a folder's entries ({@code path} empty: the root). */
    @WebMethod
    @WebResult(name = "entry")
    List<SoapMountEntry> listMountFolder(@WebParam(name = "token", header = true) String token,
                                         @WebParam(name = "mountId") String mountId,
                                         @WebParam(name = "partition") int partition,
                                         @WebParam(name = "path") String path) throws BulwarkFault;

    /** As {@code MountResource.search}: entries below {@code path} whose name contains {@code name}, ignoring case. */
    @WebMethod
    @WebResult(name = "entry")
    List<SoapMountEntry> searchMount(@WebParam(name = "token", header = true) String token,
                                     @WebParam(name = "mountId") String mountId,
                                     @WebParam(name = "partition") int partition,
                                     @WebParam(name = "path") String path, @WebParam(name = "name") String name,
                                     @WebParam(name = "limit") int limit) throws BulwarkFault;
}
