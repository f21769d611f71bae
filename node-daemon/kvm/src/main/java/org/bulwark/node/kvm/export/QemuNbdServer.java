package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code qemu-nbd} serving one image read-only on a unix socket, for a machine that is shut off.
 * {@code --fork} returns once the socket listens, so no polling is needed; while it runs, QEMU's
 * image locking keeps the machine from starting and writing underneath the export.
 */
final class QemuNbdServer implements AutoCloseable {
    private final long pid;
    private final Path socket;

    private QemuNbdServer(long pid, Path socket) {
        this.pid = pid;
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /**
     * Serves {@code image} of {@code format} as export {@code name} on {@code socket}, with the
     * persistent dirty bitmap {@code bitmap} as meta context {@code qemu:dirty-bitmap:<bitmap>} if given.
     */
    static QemuNbdServer start(Path image, String format, String name, Path socket, Optional<String> bitmap)
            throws IOException {
        Path pidFile = socket.resolveSibling(socket.getFileName() + ".pid");
        List<String> args = new ArrayList<>(List.of("qemu-nbd", "--read-only", "--fork", "--shared=1",
                "--format=" + format, "--export-name=" + name, "--socket=" + socket, "--pid-file=" + pidFile));
        bitmap.ifPresent(b -> args.add("--bitmap=" + b));
        args.add(image.toString());
        Command.run(args);
        return new QemuNbdServer(Long.parseLong(Files.readString(pidFile).strip()), socket);
    }

    /** Stops the server (it also ends by itself when its client disconnects). */
    @Override
    public void close() {
        ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("qemu-nbd")).orElse(false))
                .ifPresent(process -> {
                    process.destroy();
                    try {
                        process.onExit().get(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        process.destroyForcibly();
                    }
                });
    }
}
