package org.bulwark.server.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.bulwark.api.NewUser;
import org.bulwark.api.Role;
import org.bulwark.api.rest.Api;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SOAP endpoint: WSDL, hand-written envelopes (malformed ones and external entities refused),
 * and a CXF client over the same services as REST.
 */
class SoapApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static final String LOGIN = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:b="urn:bulwark:soap:v1">
              <soap:Body><b:login><username>admin</username><password>%s</password></b:login></soap:Body>
            </soap:Envelope>""";

    private static BulwarkSoap client() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(BulwarkSoap.class);
        factory.setAddress(SERVER.server().url() + Api.SOAP);
        return factory.create(BulwarkSoap.class);
    }

    @Test
    void wsdlIsServed() {
        Http.Answer wsdl = SERVER.server().http().raw(Api.SOAP + "?wsdl");
        assertEquals(200, wsdl.status());
        for (String operation : List.of("login", "serverInfo", "listNodes", "listTasks", "submitTask", "getTask", "taskLog",
                "cancelTask", "listHypervisors", "addHypervisor", "removeHypervisor", "syncHypervisor", "listVms", "getVm",
                "backUpVm", "snapshotVm", "listVmRestorePoints", "listRestorePoints", "getRestorePoint", "restore",
                "listPolicies", "getPolicy", "createPolicy", "updatePolicy", "deletePolicy", "runPolicy", "applyRetention",
                "previewSchedule", "BulwarkFault")) {
            assertTrue(wsdl.body().contains("name=\"" + operation + "\""), operation + " in " + wsdl.body());
        }
    }

    @Test
    void plainEnvelopeLogsIn() {
        Http.Answer answer = SERVER.server().http().soap(LOGIN.formatted(TestServer.ADMIN_PASSWORD));
        assertEquals(200, answer.status(), answer.body());
        Matcher token = Pattern.compile("<token>([A-Za-z0-9_-]{40,})</token>").matcher(answer.body());
        assertTrue(token.find(), answer.body());
        assertEquals(200, SERVER.server().http().get("/auth/session", token.group(1)).status(), "a REST-usable session");

        Http.Answer tasks = SERVER.server().http().soap("""
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:b="urn:bulwark:soap:v1">
                  <soap:Header><b:token>%s</b:token></soap:Header>
                  <soap:Body><b:listTasks/></soap:Body>
                </soap:Envelope>""".formatted(token.group(1)));
        assertEquals(200, tasks.status(), tasks.body());
        assertTrue(tasks.body().contains("listTasksResponse"), tasks.body());
    }

    @Test
    void clientLogsInAndListsNodesAndTasks() throws BulwarkFault {
        BulwarkSoap soap = client();
        SoapSession session = soap.login("admin", TestServer.ADMIN_PASSWORD);
        assertEquals("ADMINISTRATOR", session.role);
        assertTrue(orEmpty(soap.listNodes(session.token)).isEmpty(), "an empty list arrives as no elements");
        SoapTask task = soap.submitTask(session.token, "PING", "");
        assertEquals("QUEUED", task.state);
        assertTrue(orEmpty(soap.listTasks(session.token)).stream().anyMatch(t -> t.id.equals(task.id)));
        assertTrue(soap.serverInfo(session.token).databaseVersion.contains("MariaDB"));
    }

    @Test
    void aMalformedEnvelopeIsAFaultAndTheServiceGoesOn() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            sendBrokenEnvelopes();
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertTrue(logged.stream().noneMatch(record -> record.getThrown() != null),
                "a caller's broken XML is logged without a stack trace");
        assertEquals(2, logged.stream().filter(record -> record.getMessage().startsWith("Refused a SOAP request")
                && record.getLevel() == Level.INFO).count(), "one line per refused request");
    }

    private static void sendBrokenEnvelopes() {
        Http.Answer broken = SERVER.server().http().soap("""
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:b="urn:bulwark:soap:v1">
                  <soap:Body><b:login><username>admin</username></b:logn></soap:Body>""");
        assertEquals(500, broken.status(), broken.body());
        assertTrue(broken.body().contains("Fault>"), broken.body());
        Http.Answer notXml = SERVER.server().http().soap("this is not XML");
        assertEquals(500, notXml.status(), notXml.body());
        assertTrue(notXml.body().contains("Fault>"), notXml.body());
        assertEquals(200, SERVER.server().http().soap(LOGIN.formatted(TestServer.ADMIN_PASSWORD)).status(),
                "a good envelope after the broken ones is served");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverResolved() throws Exception {
        Path secret = Files.createTempFile("bulwark-xxe", ".txt");
        Files.writeString(secret, "xxe-secret-marker");
        AtomicInteger fetched = new AtomicInteger();
        HttpServer probe = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        probe.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        probe.start();
        try {
            String token = SERVER.server().adminToken();
            for (String entity : List.of(secret.toUri().toString(),
                    "http://127.0.0.1:" + probe.getAddress().getPort() + "/entity")) {
                // the entity stands where getVm would echo it back in its "No VM ..." fault
                Http.Answer answer = SERVER.server().http().soap("""
                        <?xml version="1.0"?>
                        <!DOCTYPE e [<!ENTITY xxe SYSTEM "%s">]>
                        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:b="urn:bulwark:soap:v1">
                          <soap:Header><b:token>%s</b:token></soap:Header>
                          <soap:Body><b:getVm><vmId>&xxe;</vmId></b:getVm></soap:Body>
                        </soap:Envelope>""".formatted(entity, token));
                assertEquals(500, answer.status(), answer.body());
                assertTrue(answer.body().contains("Fault>") && answer.body().contains("DTD"),
                        "refused for its DTD: " + answer.body());
                assertFalse(answer.body().contains("No VM"), "the operation never ran: " + answer.body());
                assertFalse(answer.body().contains("xxe-secret-marker"), answer.body());
            }
            assertEquals(0, fetched.get(), "the server never fetched the external entity");
        } finally {
            probe.stop(0);
            Files.delete(secret);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    @Test
    void faultsCarryTheApiError() {
        BulwarkSoap soap = client();
        BulwarkFault wrong = assertThrows(BulwarkFault.class, () -> soap.login("admin", "wrong-password"));
        assertEquals("INVALID_CREDENTIALS", wrong.getFaultInfo().code);
        assertEquals(401, wrong.getFaultInfo().status);
        BulwarkFault noToken = assertThrows(BulwarkFault.class, () -> soap.listNodes(null));
        assertEquals("UNAUTHENTICATED", noToken.getFaultInfo().code);

        String admin = SERVER.server().adminToken();
        SERVER.server().http().call("POST", "/users", admin, new NewUser("soapviewer", "soap-viewer-password", Role.VIEWER));
        String viewer = SERVER.server().http().login("soapviewer", "soap-viewer-password").token();
        BulwarkFault forbidden = assertThrows(BulwarkFault.class, () -> soap.submitTask(viewer, "PING", null));
        assertEquals("FORBIDDEN", forbidden.getFaultInfo().code);
        assertEquals(403, forbidden.getFaultInfo().status);
    }
}
