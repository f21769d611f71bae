package org.bulwark.server.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.TaskSubmission;
import org.junit.jupiter.api.Test;

class TaskOrderTest {

    @Test
    void secretParametersNeverReachTheTextOfAnOrder() {
        Map<String, String> parameters = Map.of("vm", "web-1", "passphrase", "hunter2-secret",
                "passphraseFile", "/etc/bulwark/repo.pass");
        for (Object order : new Object[] {new TaskOrder(UUID.randomUUID(), TaskType.BACKUP, parameters),
                new TaskSubmission(UUID.randomUUID(), TaskType.BACKUP, parameters)}) {
            String text = order.toString();
            assertFalse(text.contains("hunter2-secret"), text);
            assertTrue(text.contains("web-1") && text.contains("/etc/bulwark/repo.pass"), text);
        }
    }
}
