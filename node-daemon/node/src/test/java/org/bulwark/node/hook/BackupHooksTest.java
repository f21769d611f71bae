package org.bulwark.node.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre/post commands of a backup, run as real processes: arguments reach the program as given (no
 * shell), the environment names the VM and the outcome, a failing pre command stops the backup with
 * its exit code and stderr, a failing post command is only a warning, a hung command is killed.
 */
class BackupHooksTest {
    private static final UUID UUID_OF_VM = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    @TempDir
    Path dir;
    private Path script;
    private final List<String> progress = new ArrayList<>();

    /** A script that records its arguments and environment in {@code <dir>/<phase>.txt}, then exits as its first argument says. */
    @BeforeEach
    void writeScript() throws IOException {
        script = dir.resolve("hook.sh");
        Files.writeString(script, """
                #!/bin/sh
                out="$(dirname "$0")/$BULWARK_PHASE.txt"
                code="$1"; shift
                { for a in "$@"; do echo "arg=$a"; done
                  echo "vm=$BULWARK_VM_NAME uuid=$BULWARK_VM_UUID outcome=$BULWARK_OUTCOME point=$BULWARK_RESTORE_POINT"
                  echo "error=$BULWARK_ERROR"; } > "$out"
                [ "$code" = hang ] && exec sleep 600
                echo "something went wrong in $BULWARK_PHASE" >&2
                exit "$code"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private Map<String, String> parameters(List<String> pre, List<String> post, String timeout) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pre.size(); i++) {
            parameters.put("preCommand." + i, pre.get(i));
        }
        for (int i = 0; i < post.size(); i++) {
            parameters.put("postCommand." + i, post.get(i));
        }
        if (timeout != null) {
            parameters.put("commandTimeout", timeout);
        }
        return parameters;
    }

    private String run(BackupHooks hooks, AtomicBoolean backedUp, boolean backupFails) throws Exception {
        return hooks.around("web-1", UUID_OF_VM, (percent, message) -> progress.add(message), () -> {
            backedUp.set(true);
            if (backupFails) {
                throw new IllegalStateException("destination full");
            }
            return "rp-42";
        }, point -> point);
    }

    private String recorded(String phase) throws IOException {
        return Files.readString(dir.resolve(phase + ".txt"));
    }

    @Test
    void argumentsReachTheProgramAsGivenAndTheEnvironmentNamesTheVmAndOutcome() throws Exception {
        String tricky = "a b; touch " + dir.resolve("injected") + " $(id) `id` *";
        BackupHooks hooks = BackupHooks.of(parameters(List.of(script.toString(), "0", tricky, "--x=1"),
                List.of(script.toString(), "0"), null));
        AtomicBoolean backedUp = new AtomicBoolean();
        assertEquals("rp-42", run(hooks, backedUp, false));
        assertTrue(backedUp.get());
        assertEquals("arg=" + tricky + "\narg=--x=1\nvm=web-1 uuid=" + UUID_OF_VM + " outcome= point=\nerror=\n", recorded("pre"),
                "one argument per list item, nothing interpreted by a shell");
        assertFalse(Files.exists(dir.resolve("injected")));
        assertEquals("vm=web-1 uuid=" + UUID_OF_VM + " outcome=success point=rp-42\nerror=\n", recorded("post"));
        assertTrue(progress.stream().noneMatch(m -> m.startsWith("warning")), progress.toString());
    }

    @Test
    void aFailingPreCommandFailsTheBackupWithItsExitCodeAndStderrAndPostStillRuns() throws Exception {
        BackupHooks hooks = BackupHooks.of(parameters(List.of(script.toString(), "3"), List.of(script.toString(), "0"), "30"));
        AtomicBoolean backedUp = new AtomicBoolean();
        BackupHooks.HookFailedException failed = assertThrows(BackupHooks.HookFailedException.class,
                () -> run(hooks, backedUp, false));
        assertEquals("pre command " + script + " failed with exit code 3 (stderr: something went wrong in pre): the backup"
                + " of web-1 was not started", failed.getMessage());
        assertFalse(backedUp.get(), "no export after a failed pre command");
        assertEquals("vm=web-1 uuid=" + UUID_OF_VM + " outcome=failure point=\nerror=" + failed.getMessage() + "\n",
                recorded("post"));
    }

    @Test
    void aFailingPostCommandIsAWarningAndAFailedBackupStillRunsIt() throws Exception {
        BackupHooks hooks = BackupHooks.of(parameters(List.of(), List.of(script.toString(), "7"), null));
        assertEquals("rp-42", run(hooks, new AtomicBoolean(), false), "the backup's outcome stands");
        assertEquals("warning: post command " + script + " failed with exit code 7 (stderr: something went wrong in post)",
                progress.getLast());
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> run(hooks, new AtomicBoolean(), true));
        assertEquals("destination full", full.getMessage(), "the backup's own error is what the task reports");
        assertEquals("vm=web-1 uuid=" + UUID_OF_VM + " outcome=failure point=\nerror=destination full\n", recorded("post"));
    }

    @Test
    void aHungPreCommandIsKilledAtItsTimeoutAndOneThatCannotStartFails() throws Exception {
        BackupHooks hung = BackupHooks.of(parameters(List.of(script.toString(), "hang"), List.of(), "1"));
        AtomicBoolean backedUp = new AtomicBoolean();
        BackupHooks.HookFailedException killed = assertThrows(BackupHooks.HookFailedException.class,
                () -> run(hung, backedUp, false));
        assertEquals("pre command " + script + " was killed after its timeout of 1 s: the backup of web-1 was not started",
                killed.getMessage());
        assertFalse(backedUp.get());
        BackupHooks missing = BackupHooks.of(parameters(List.of(dir.resolve("no-such-program").toString()), List.of(), null));
        String message = assertThrows(BackupHooks.HookFailedException.class, () -> run(missing, backedUp, false)).getMessage();
        assertTrue(message.startsWith("pre command " + dir.resolve("no-such-program") + " failed with exit code -1 (stderr: "
                + "could not start "), message);
    }

    @Test
    void malformedCommandsAreRefusedBeforeAnythingRuns() {
        assertEquals("BACKUP parameter preCommand.0 must be the program's absolute path, not 'fsfreeze'",
                assertThrows(IllegalArgumentException.class, () -> BackupHooks.of(parameters(List.of("fsfreeze", "-f"),
                        List.of(), null))).getMessage());
        Map<String, String> gap = parameters(List.of(), List.of(script.toString()), null);
        gap.put("postCommand.2", "x");
        assertEquals("BACKUP parameters postCommand.N must be numbered 0, 1, 2, ... without gaps",
                assertThrows(IllegalArgumentException.class, () -> BackupHooks.of(gap)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackupHooks.of(parameters(List.of(script.toString()), List.of(), "0")),
                "a timeout below 1 s");
        assertThrows(IllegalArgumentException.class, () -> BackupHooks.of(parameters(List.of(script.toString(), ""), List.of(),
                null)), "an empty argument");
    }
}
