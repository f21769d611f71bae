package org.bulwark.server.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.openapi.OpenApiFeature;
import org.bulwark.api.rest.Api;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.system.SystemService;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.user.Authorizer;
import org.bulwark.server.user.SessionService;
import org.bulwark.server.user.UserService;

/**
 * Publishes the REST resources of {@link Api#RESOURCES} under {@link Api#BASE}, with JSON
 * (Jackson), the authorization filter, the error mapper and the OpenAPI description at
 * {@code /api/v1/openapi.json}.
 */
public final class RestApi {
    private RestApi() {
    }

    /** Starts the endpoint at {@code root + Api.BASE} on the bus's Jetty, with {@code moreEndpoints} beside the core ones. */
    public static Server publish(Bus bus, String root, String version, Authorizer authorizer, SessionService sessions,
                                 UserService users, NodeRegistry nodes, TaskService tasks, SystemService system,
                                 List<Object> moreEndpoints) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(root + Api.BASE);
        List<Object> endpoints = new ArrayList<>(List.of(new AuthEndpoint(sessions), new SystemEndpoint(system),
                new UserEndpoint(users), new NodeEndpoint(nodes), new TaskEndpoint(tasks)));
        endpoints.addAll(moreEndpoints);
        factory.setServiceBeans(endpoints);
        factory.setProviders(List.of(Json.provider(), new ErrorMapper(), new AuthorizationFilter(authorizer)));
        OpenApiFeature openApi = new OpenApiFeature();
        openApi.setTitle("Bulwark API");
        openApi.setDescription("Bulwark Backup & Recovery server. Send 'Authorization: Bearer <token>' from /auth/login.");
        openApi.setVersion(version);
        openApi.setPrettyPrint(true);
        openApi.setSupportSwaggerUi(false);
        // describe exactly the API interfaces: scanning the class path takes tens of seconds
        openApi.setScan(false);
        openApi.setScanKnownConfigLocations(false);
        openApi.setResourceClasses(Api.RESOURCES.stream().map(Class::getName).collect(Collectors.toSet()));
        factory.setFeatures(List.of(openApi));
        return factory.create();
    }
}
