package org.bulwark.server.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.bulwark.api.Destination;
import org.bulwark.api.DestinationRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.Role;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The destinations registry's refusals, without nodes: what is wrong in a request is named, only
 * administrators change it, and nothing is registered by a refused call. Adding one on a real node,
 * its usage and the 409 while a policy uses it are covered end to end by the console's UI test.
 */
class DestinationApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static String admin;

    @BeforeAll
    static void login() {
        admin = SERVER.server().adminToken();
    }

    private static Http http() {
        return SERVER.server().http();
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndNothingIsRegistered() {
        Http.Answer relative = http().call("POST", "/destinations", admin,
                new DestinationRequest("nas", UUID.randomUUID(), "backups/nas"));
        assertEquals(400, relative.status(), relative.body());
        assertTrue(relative.error().message().contains("absolute path"), relative.error().message());

        Http.Answer noName = http().call("POST", "/destinations", admin, new DestinationRequest(" ", UUID.randomUUID(), "/b"));
        assertEquals(400, noName.status(), noName.body());

        UUID unknown = UUID.randomUUID();
        Http.Answer noNode = http().call("POST", "/destinations", admin, new DestinationRequest("nas", unknown, "/backups/nas"));
        assertEquals(404, noNode.status(), noNode.body());
        assertEquals("No node " + unknown, noNode.error().message());

        Http.Answer gone = http().call("DELETE", "/destinations/" + UUID.randomUUID(), admin, null);
        assertEquals(404, gone.status(), gone.body());
        assertEquals(List.of(), http().get("/destinations", admin).list(Destination.class));
    }

    @Test
    void viewersListButDoNotChangeDestinations() {
        assertEquals(200, http().call("POST", "/users", admin, new NewUser("dest-viewer", "dest-viewer-password-1", Role.VIEWER))
                .status());
        String viewer = http().login("dest-viewer", "dest-viewer-password-1").token();

        assertEquals(200, http().get("/destinations", viewer).status());
        assertEquals(403, http().call("POST", "/destinations", viewer,
                new DestinationRequest("nas", UUID.randomUUID(), "/backups/nas")).status());
        assertEquals(403, http().call("DELETE", "/destinations/" + UUID.randomUUID(), viewer, null).status());
    }
}
