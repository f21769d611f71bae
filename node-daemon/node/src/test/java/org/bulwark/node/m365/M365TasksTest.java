package org.bulwark.node.m365;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bulwark.api.TaskType;
import org.bulwark.node.task.TaskHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The M365 tasks refuse malformed submissions before any work, naming the parameter (the secret never in the message). */
class M365TasksTest {
    private static final String SECRET = "never-in-a-message-0001";
    @TempDir
    Path dir;

    private Map<String, String> tenant() {
        Map<String, String> p = new HashMap<>(Map.of("tenantId", "contoso", "clientId", "app", "clientSecret", SECRET,
                "destination", dir.resolve("repo").toString(), "passphrase", "pass"));
        return p;
    }

    private String refusal(TaskType type, Map<String, String> parameters) {
        TaskHandler handler = new M365Tasks(dir.resolve("work")).handlers().get(type);
        String message = assertThrows(IllegalArgumentException.class, () -> handler.prepare(parameters)).getMessage();
        assertFalse(message.contains(SECRET), message);
        return message;
    }

    @Test
    void malformedSubmissionsAreRefusedWithTheParameterNamed() {
        Map<String, String> noSecret = tenant();
        noSecret.remove("clientSecret");
        assertEquals("M365_DISCOVER parameter clientSecret is required", refusal(TaskType.M365_DISCOVER, noSecret));

        Map<String, String> badTenant = tenant();
        badTenant.put("tenantId", "../etc");
        assertEquals("M365 tenant id must be a GUID or domain name: ../etc", refusal(TaskType.M365_BACKUP, badTenant));

        Map<String, String> relative = tenant();
        relative.put("destination", "repo");
        assertEquals("M365_BACKUP parameter destination must be an absolute path, not 'repo'",
                refusal(TaskType.M365_BACKUP, relative));

        Map<String, String> both = tenant();
        both.put("passphraseFile", dir.resolve("pass.txt").toString());
        assertEquals("give either passphrase or passphraseFile, not both", refusal(TaskType.M365_BACKUP, both));

        Map<String, String> restore = tenant();
        restore.putAll(Map.of("service", "calendar", "source", "user-1", "items", "m1"));
        assertEquals("M365_RESTORE parameter service must be mail, files, calendars or contacts, not 'calendar'",
                refusal(TaskType.M365_RESTORE, restore));
        restore.putAll(Map.of("service", "mail", "restorePoint", "yesterday"));
        assertEquals("M365_RESTORE parameter restorePoint must be a run id, not 'yesterday'", refusal(TaskType.M365_RESTORE, restore));

        Map<String, String> browse = tenant();
        browse.put("list", "messages");
        browse.put("owner", "user-1");
        assertEquals("M365_BROWSE list=messages needs owner and folder", refusal(TaskType.M365_BROWSE, browse));

        Map<String, String> prune = tenant();
        assertEquals("M365_PRUNE parameter restorePoints is required", refusal(TaskType.M365_PRUNE, prune));
        prune.put("restorePoints", "1764310000000, yesterday");
        assertEquals("M365_PRUNE parameter restorePoints must list run ids, not 'yesterday'", refusal(TaskType.M365_PRUNE, prune));
    }
}
