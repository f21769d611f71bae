package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code qemu-nbd} serving one image read-only on a unix socket, for a machine that is shut off.
 * {@code --fork} returns once the socket listens, so no polling is needed; while it runs, QEMU's
 * image locking keeps the machine from starting and writing underneath the export. Its pid file
 * lives in the exporter's {@link ExportClaim}, so that a successor stops it if this process dies
 * before it does (a forked server nobody ever connects to would never end by itself).
 */
final class QemuNbdServer implements AutoCloseable {
    private final Path pidFile;
    private final Path socket;

    private QemuNbdServer(Path pidFile, Path socket) {
        this.pidFile = pidFile;
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /**
     * Serves {@code image} of {@code format} as export {@code name} on {@code socket}, with the
     * persistent dirty bitmap {@code bitmap} as meta context {@code qemu:dirty-bitmap:<bitmap>} if
     * given; the server writes its pid to {@code pidFile}.
     */
    static QemuNbdServer start(Path image, String format, String name, Path socket, Path pidFile,
            Optional<String> bitmap) throws IOException {
        List<String> args = new ArrayList<>(List.of("qemu-nbd", "--read-only", "--fork", "--shared=1",
                "--format=" + format, "--export-name=" + name, "--socket=" + socket, "--pid-file=" + pidFile));
        bitmap.ifPresent(b -> args.add("--bitmap=" + b));
        args.add(image.toString());
        QemuNbdServer server = new QemuNbdServer(pidFile, socket);
        try {
            Command.run(args);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Stops the server (it also ends by itself when its client disconnects) and removes its pid file. */
    @Override
    public void close() {
        ExportClaim.serverOf(pidFile).ifPresent(ExportClaim::stop);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the next claim of the machine finds the file, sees no such server and removes it
        }
    }
}
