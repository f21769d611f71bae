package org.bulwark.node.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** An exec command of the node's SSH endpoint: computes its answer, writes it, exits. */
final class NodeCommand implements Command {

    /** What the command does; throws to exit with status 1 and the message on standard error. */
    @FunctionalInterface
    interface Action {
        String run() throws Exception;
    }

    private final Action action;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    NodeCommand(Action action) {
        this.action = action;
    }

    /** A command that refuses to run. */
    static NodeCommand refused(String why) {
        return new NodeCommand(() -> {
            throw new IllegalStateException(why);
        });
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread.ofVirtual().name("ssh-command").start(() -> {
            try {
                write(out, action.run());
                exit.onExit(0);
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                try {
                    write(err, message);
                } catch (IOException ignored) {
                    // the client is gone; the exit status below is all that is left to send
                }
                exit.onExit(1, message);
            }
        });
    }

    private static void write(OutputStream stream, String text) throws IOException {
        stream.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs beyond start()
    }

    @Override
    public void setInputStream(InputStream in) {
        // commands read nothing
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
