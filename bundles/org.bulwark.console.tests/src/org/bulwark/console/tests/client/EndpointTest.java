package org.bulwark.console.tests.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.bulwark.api.PasswordChange;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.api.rest.UserResource;
import org.bulwark.client.internal.Endpoint;
import org.junit.jupiter.api.Test;

/** How the client reads a resource method's JAX-RS annotations into an HTTP call. */
class EndpointTest {

    /** A resource with what the API's interfaces do not use yet: query parameters, two bodies. */
    @Path("/probe/")
    interface Probe {
        @GET
        @Path("{name}/items")
        String items(@PathParam("name") String name, @QueryParam("filter") String filter, @QueryParam("limit") Integer limit);

        @POST
        String twoBodies(String first, String second);

        String noHttpMethod();
    }

    @Test
    void pathParametersAreEncodedAsOneSegment() throws NoSuchMethodException {
        Endpoint endpoint = Endpoint.of(UserResource.class.getMethod("changePassword", String.class, PasswordChange.class));
        PasswordChange change = new PasswordChange("old", "new");

        assertEquals("PUT", endpoint.httpMethod());
        assertEquals("/api/v1/users/a%20b%2Fc/password", endpoint.pathAndQuery(new Object[] {"a b/c", change}));
        assertEquals(change, endpoint.body(new Object[] {"a b/c", change}));
    }

    @Test
    void methodAndClassPathsJoinUnderTheBase() throws NoSuchMethodException {
        UUID id = UUID.randomUUID();
        Endpoint cancel = Endpoint.of(TaskResource.class.getMethod("cancel", UUID.class));
        Endpoint list = Endpoint.of(NodeResource.class.getMethod("list"));

        assertEquals("POST", cancel.httpMethod());
        assertEquals("/api/v1/tasks/" + id + "/cancel", cancel.pathAndQuery(new Object[] {id}));
        assertTrue(!cancel.hasBody());
        assertEquals("/api/v1/nodes", list.pathAndQuery(new Object[0]));
        assertEquals("java.util.List<org.bulwark.api.Node>", list.returnType().getTypeName());
    }

    @Test
    void queryParametersAreEncodedAndNullOnesLeftOut() throws NoSuchMethodException {
        Endpoint items = Endpoint.of(Probe.class.getMethod("items", String.class, String.class, Integer.class));

        assertEquals("/api/v1/probe/x/items?filter=a%26b%3Dc&limit=5", items.pathAndQuery(new Object[] {"x", "a&b=c", 5}));
        assertEquals("/api/v1/probe/x/items", items.pathAndQuery(new Object[] {"x", null, null}));
        assertNull(items.body(new Object[] {"x", null, null}));
    }

    @Test
    void whatTheClientCannotCallIsRefused() throws NoSuchMethodException {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.of(Probe.class.getMethod("twoBodies", String.class, String.class)));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.of(Probe.class.getMethod("noHttpMethod")));
        Endpoint items = Endpoint.of(Probe.class.getMethod("items", String.class, String.class, Integer.class));
        assertThrows(IllegalArgumentException.class, () -> items.pathAndQuery(new Object[] {null, null, null}));
    }
}
