package org.bulwark.server.soap;

import jakarta.jws.WebService;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.bulwark.api.ApiError;
import org.bulwark.api.ApiException;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.Api;
import org.bulwark.api.rest.AuthResource;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.api.rest.SystemResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.system.SystemService;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.user.Authorizer;
import org.bulwark.server.user.Caller;
import org.bulwark.server.user.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BulwarkSoap} over the same services as REST. Each operation is authorized as the REST
 * method it mirrors (its {@code @RolesAllowed}), through the one {@link Authorizer}.
 */
@WebService(endpointInterface = "org.bulwark.server.soap.BulwarkSoap", targetNamespace = BulwarkSoap.NAMESPACE,
        serviceName = "BulwarkService", portName = "BulwarkPort")
public final class BulwarkSoapService implements BulwarkSoap {
    private static final Logger LOG = LoggerFactory.getLogger(BulwarkSoapService.class);
    private static final Method LOGIN = Authorizer.apiMethod(AuthResource.class, "login", LoginRequest.class);
    private static final Method INFO = Authorizer.apiMethod(SystemResource.class, "info");
    private static final Method NODES = Authorizer.apiMethod(NodeResource.class, "list");
    private static final Method TASKS = Authorizer.apiMethod(TaskResource.class, "list");
    private static final Method SUBMIT = Authorizer.apiMethod(TaskResource.class, "submit", TaskRequest.class);

    private final Authorizer authorizer;
    private final SessionService sessions;
    private final SystemService system;
    private final NodeRegistry nodes;
    private final TaskService tasks;

    public BulwarkSoapService(Authorizer authorizer, SessionService sessions, SystemService system, NodeRegistry nodes,
                              TaskService tasks) {
        this.authorizer = authorizer;
        this.sessions = sessions;
        this.system = system;
        this.nodes = nodes;
        this.tasks = tasks;
    }

    /** Starts the SOAP endpoint at {@code root + Api.SOAP} (WSDL at {@code ?wsdl}). */
    public org.apache.cxf.endpoint.Server publish(Bus bus, String root) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(BulwarkSoap.class);
        factory.setServiceBean(this);
        factory.setAddress(root + Api.SOAP);
        return factory.create();
    }

    @Override
    public SoapSession login(String username, String password) throws BulwarkFault {
        return call(LOGIN, null, caller -> new SoapSession(sessions.login(username, password)));
    }

    @Override
    public SoapServerInfo serverInfo(String token) throws BulwarkFault {
        return call(INFO, token, caller -> new SoapServerInfo(system.info()));
    }

    @Override
    public List<SoapNode> listNodes(String token) throws BulwarkFault {
        return call(NODES, token, caller -> nodes.list().stream().map(SoapNode::new).toList());
    }

    @Override
    public List<SoapTask> listTasks(String token) throws BulwarkFault {
        return call(TASKS, token, caller -> tasks.list().stream().map(SoapTask::new).toList());
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
            return new SoapTask(tasks.submit(caller.orElseThrow(), new TaskRequest(taskType, node, Map.of())));
        });
    }

    private <T> T call(Method apiMethod, String token, Function<Optional<Caller>, T> work) throws BulwarkFault {
        ApiError error;
        try {
            return work.apply(authorizer.authorize(apiMethod, token));
        } catch (ApiException e) {
            error = e.error();
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.error("internal error id={} operation={}", id, apiMethod.getName(), e);
            error = new ApiError(500, Errors.INTERNAL, "Internal server error; the server log has details under id " + id);
        }
        throw new BulwarkFault(error.message(), new SoapError(error));
    }
}
