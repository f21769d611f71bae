package org.bulwark.api.node;

/**
 * The fixed names of the server ↔ node channel.
 *
 * <p>Enrollment: the server logs in as {@link #ENROLL_USER} with the node's one-time token as
 * password and runs {@link #ENROLL_COMMAND} followed by its OpenSSH public key.
 * From then on it logs in as {@link #SERVER_USER} with that key only, runs
 * {@link #TASK_API_COMMAND} to learn the loopback port and bearer token of the task API
 * ({@link TaskApiEndpoint}), and reaches the API through direct-tcpip tunnels.
 */
public final class NodeProtocol {
    /** SSH user for the one enrollment login (password = enrollment token). */
    public static final String ENROLL_USER = "enroll";
    /** SSH user of the enrolled server (public key only). */
    public static final String SERVER_USER = "bulwark";
    /** Exec command of an enrollment session, followed by a space and the server's OpenSSH public key; stdout = {@link NodeStatus}. */
    public static final String ENROLL_COMMAND = "enroll";
    /** Exec command of a server session: stdout = {@link TaskApiEndpoint}. */
    public static final String TASK_API_COMMAND = "task-api";

    /** The only address tunnels may reach on a node: its task API listens there. */
    public static final String API_HOST = "127.0.0.1";
    /** {@code GET}: {@link NodeStatus}. */
    public static final String NODE_PATH = "/node";
    /**
     * {@code POST} a {@link TaskSubmission}: 202 with a {@link TaskStatus}; {@code GET /tasks/{id}}:
     * its status; {@code GET /tasks/{id}/events?after=N&waitMillis=M}: a {@link TaskEventPage};
     * {@code POST /tasks/{id}/cancel}: its status. Refusals answer a {@link NodeError}.
     */
    public static final String TASKS_PATH = "/tasks";
    /** Longest wait a client may ask of an events long-poll. */
    public static final long MAX_WAIT_MILLIS = 30_000;

    private NodeProtocol() {
    }
}
