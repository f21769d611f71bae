package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host tool ({@code qemu-img}, {@code qemu-nbd}) from an argument list, never through a shell. */
final class Command {
    private static final long TIMEOUT_SECONDS = 120;

    private Command() {
    }

    /** Runs {@code args} to completion; a non-zero exit throws with the tool's own error output. */
    static String run(List<String> args) throws IOException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(args.getFirst() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(args.getFirst() + " interrupted", e);
        }
        String text = new String(output, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed (exit " + process.exitValue() + "): " + text);
        }
        return text;
    }
}
