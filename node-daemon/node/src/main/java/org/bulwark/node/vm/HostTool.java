package org.bulwark.node.vm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a host tool ({@code qemu-img}) from an argument list, never through a shell; cancellable. */
final class HostTool {
    private HostTool() {
    }

    /** Runs {@code args} to completion; a non-zero exit throws with the tool's own output. */
    static void run(List<String> args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException(String.join(" ", args) + " failed (exit " + exit + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedIOException e) {
            throw new InterruptedException(args.getFirst() + " cancelled");
        } finally {
            process.destroyForcibly();
        }
    }
}
