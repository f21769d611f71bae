package org.bulwark.cli;

/** What a command runs with: the terminal, the output mode and the saved session. */
public final class Context {
    private final Terminal terminal;
    private final Output output;
    private final SessionStore store;
    private Connection connection;

    public Context(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.output = new Output(terminal.out(), json);
        this.store = SessionStore.of(terminal);
    }

    public Terminal terminal() {
        return terminal;
    }

    public Output output() {
        return output;
    }

    public SessionStore store() {
        return store;
    }

    /** The connection of the saved session (opened on first use). */
    public Connection connection() {
        if (connection == null) {
            connection = Connection.resume(store);
        }
        return connection;
    }

    /** A REST resource through the saved session. */
    public <T> T resource(Class<T> resource) {
        return connection().resource(resource);
    }
}
