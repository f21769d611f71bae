package org.bulwark.node.m365;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.node.api.TaskApiServer;
import org.bulwark.node.task.TaskRunner;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's {@code /m365} API refuses what it must before reading anything: a passphrase in the URL
 * (without echoing it), a missing passphrase file, a tenant id that could name another folder, other
 * methods than GET, unknown calls; a tenant without a backup is 404; all behind the bearer token.
 * Downloads themselves are tested through the server ({@code M365ProtectionTest}).
 */
class M365ApiTest {
    private static final String PASSPHRASE = "never in a url 0001";
    @TempDir
    Path dir;
    private TaskRunner runner;
    private TaskApiServer api;
    private HttpClient http;
    private String repository;

    @BeforeEach
    void start() throws Exception {
        try (Repository r = Repository.init(new LocalDestination(dir.resolve("repo")),
                InitOptions.defaults().withKdf(new KdfParams(64, 1, 1)), PASSPHRASE.toCharArray())) {
            // an empty repository: no tenant backed up yet
        }
        Path passphraseFile = Files.writeString(dir.resolve("pass"), PASSPHRASE);
        repository = "destination=" + dir.resolve("repo") + "&passphraseFile=" + passphraseFile;
        M365Tasks tasks = new M365Tasks(dir.resolve("work"));
        runner = new TaskRunner(1, tasks.handlers());
        api = new TaskApiServer(runner, () -> new NodeStatus("n", "test", 1, runner.running()));
        api.route(M365Api.PATH, new M365Api(tasks));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
        runner.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery, boolean token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token) {
            request.header("Authorization", "Bearer " + api.endpoint().token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusalsComeBeforeAnyReadingAndNameTheProblem() throws Exception {
        HttpResponse<String> inUrl = call("GET", "/m365/contoso/eml?destination=" + dir.resolve("repo")
                + "&passphrase=" + PASSPHRASE.replace(' ', '+') + "&owner=u&item=m", true);
        assertEquals(400, inUrl.statusCode());
        assertTrue(inUrl.body().contains("a passphrase never goes into a URL; give passphraseFile"), inUrl.body());
        assertFalse(inUrl.body().contains("never in a url"), "the refusal does not echo the passphrase");

        HttpResponse<String> noFile = call("GET", "/m365/contoso/eml?destination=" + dir.resolve("repo") + "&owner=u&item=m", true);
        assertEquals(400, noFile.statusCode());
        assertTrue(noFile.body().contains("GET /m365/eml parameter passphraseFile is required"), noFile.body());

        HttpResponse<String> badTenant = call("GET", "/m365/..%2F..%2Fetc/eml?" + repository, true);
        assertEquals(404, badTenant.statusCode(), "a tenant id with separators is no path of the API: " + badTenant.body());
        HttpResponse<String> dots = call("GET", "/m365/.../list?" + repository + "&list=mailboxes", true);
        assertEquals(400, dots.statusCode());
        assertTrue(dots.body().contains("not a tenant id"), dots.body());

        assertEquals(400, call("POST", "/m365/contoso/list?" + repository + "&list=mailboxes", true).statusCode());
        assertEquals(404, call("GET", "/m365/contoso/everything?" + repository, true).statusCode());
        HttpResponse<String> point = call("GET", "/m365/contoso/eml?" + repository + "&owner=u&item=m&restorePoint=yesterday", true);
        assertEquals(400, point.statusCode());
        assertTrue(point.body().contains("restorePoint must be a run id, not 'yesterday'"), point.body());
        HttpResponse<String> twice = call("GET", "/m365/contoso/eml?" + repository + "&owner=u&owner=v&item=m", true);
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("owner is given twice"), twice.body());
        HttpResponse<String> list = call("GET", "/m365/contoso/list?" + repository + "&list=everything", true);
        assertEquals(400, list.statusCode());
        assertTrue(list.body().contains("parameter list must be"), list.body());

        HttpResponse<String> both = call("GET", "/m365/contoso/ics?" + repository + "&owner=u&item=e&folder=c", true);
        assertEquals(400, both.statusCode());
        assertTrue(both.body().contains("needs item (one event) or folder (a whole calendar), not both"), both.body());
        HttpResponse<String> neither = call("GET", "/m365/contoso/vcf?" + repository + "&owner=u", true);
        assertEquals(400, neither.statusCode());
        assertTrue(neither.body().contains("needs item (one contact) or folder (a whole contact folder)"), neither.body());
        HttpResponse<String> events = call("GET", "/m365/contoso/list?" + repository + "&list=events&owner=u", true);
        assertEquals(400, events.statusCode());
        assertTrue(events.body().contains("list=events needs owner and folder"), events.body());
        assertEquals(404, call("GET", "/m365/contoso/vcf?" + repository + "&owner=u&item=c", true).statusCode(),
                "no backup: nothing to export");

        HttpResponse<String> none = call("GET", "/m365/contoso/eml?" + repository + "&owner=u&item=m", true);
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("tenant contoso has no complete backup"), none.body());
        assertEquals(401, call("GET", "/m365/contoso/eml?" + repository + "&owner=u&item=m", false).statusCode());
    }
}
