package org.bulwark.server.node;

import java.util.UUID;

/** What a node reports about a task it runs; exactly one of the last three ends it. */
public interface TaskEvents {

    void started(UUID taskId);

    /** @param percent 0 to 100 */
    void progress(UUID taskId, int percent, String message);

    /** @param result what the task produced, as JSON text */
    void succeeded(UUID taskId, String result);

    void failed(UUID taskId, String error);

    void cancelled(UUID taskId);
}
