package org.bulwark.node.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskStatus;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.bulwark.node.task.TaskRefusedException;
import org.bulwark.node.task.TaskRun;
import org.bulwark.node.task.TaskRunner;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FORGET through the node's task runner against a real encrypted repository (no hypervisor needed). */
class ForgetTaskTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path temp;
    private Path destination;
    private TaskRunner runner;
    private final byte[][] contents = new byte[3][];
    private final String[] ids = new String[3];

    @BeforeEach
    void start() throws IOException {
        runner = new TaskRunner(1, Map.of(TaskType.FORGET, new ForgetTask(new VmSettings("test:///default", temp))));
        destination = temp.resolve("repository");
        InitOptions cheapKdf = InitOptions.defaults().withKdf(new KdfParams(8 * 1024, 1, 1));
        try (Repository repository = Repository.init(new LocalDestination(destination), cheapKdf, PASSPHRASE.toCharArray())) {
            for (int i = 0; i < 3; i++) {
                contents[i] = new byte[2 << 20];
                new Random(i).nextBytes(contents[i]);
                ids[i] = repository.backupStream(new ByteArrayInputStream(contents[i]), "disk",
                        BackupOptions.labelled("kvm/prod")).id();
            }
        }
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    private TaskStatus run(Map<String, String> parameters) throws Exception {
        TaskRun run = runner.submit(new TaskSubmission(UUID.randomUUID(), TaskType.FORGET, parameters));
        long seen = 0;
        TaskEventPage page;
        do {
            page = run.eventsAfter(seen, 30_000);
            seen += page.events().size();
        } while (!page.state().isFinal());
        return run.status();
    }

    private Map<String, String> parameters(String passphrase, String restorePoints) {
        return new HashMap<>(Map.of("destination", destination.toString(), "passphrase", passphrase,
                "restorePoints", restorePoints));
    }

    private List<String> remaining() throws IOException {
        try (Repository repository = Repository.open(new LocalDestination(destination), PASSPHRASE.toCharArray())) {
            return repository.list().stream().map(Backup::id).toList();
        }
    }

    @Test
    void forgetRemovesTheNamedBackupAndTheOthersStillRestoreByteIdentical() throws Exception {
        TaskStatus status = run(parameters(PASSPHRASE, ids[1]));
        assertEquals(TaskState.SUCCEEDED, status.state(), status.message());
        JsonNode result = Json.MAPPER.readTree(status.result());
        assertEquals(ids[1], result.get("removed").get(0).asText());
        assertTrue(result.get("bytesRecycled").asLong() >= 2 << 20, "the random 2 MiB of the forgotten backup are recycled");
        assertEquals(0, result.get("checkpointsDeleted").size());
        assertEquals(List.of(ids[0], ids[2]), remaining());
        try (Repository repository = Repository.open(new LocalDestination(destination), PASSPHRASE.toCharArray())) {
            for (int i : new int[] {0, 2}) {
                try (InputStream in = repository.openContent(repository.find(ids[i]), "disk")) {
                    assertArrayEquals(contents[i], in.readAllBytes());
                }
            }
        }
    }

    @Test
    void wrongPassphraseOrUnknownIdFailsClearlyAndRemovesNothing() throws Exception {
        TaskStatus wrong = run(parameters("Tr0ub4dor&3", ids[0]));
        assertEquals(TaskState.FAILED, wrong.state());
        assertTrue(wrong.message().toLowerCase().contains("passphrase"), wrong.message());
        assertFalse(wrong.message().contains("Tr0ub4dor"), "the secret is not echoed: " + wrong.message());
        TaskStatus unknown = run(parameters(PASSPHRASE, ids[0] + ",feedbeef"));
        assertEquals(TaskState.FAILED, unknown.state());
        assertTrue(unknown.message().contains("feedbeef"), unknown.message());
        assertEquals(List.of(ids), remaining(), "nothing was removed");
        Map<String, String> orphanCheckpoints = parameters(PASSPHRASE, ids[0]);
        orphanCheckpoints.put("checkpoints", "cp1");
        assertThrows(TaskRefusedException.class, () -> runner.submit(
                new TaskSubmission(UUID.randomUUID(), TaskType.FORGET, orphanCheckpoints)), "checkpoints without vm are refused");
    }
}
