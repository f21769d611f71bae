package org.bulwark.repository;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real command-line tool in a child JVM (optionally behind a prefix such as setpriv). */
final class CliRunner {
    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path repo;
    private final List<String> prefix;
    private final String classPath;

    CliRunner(Path repo, List<String> prefix) {
        this(repo, prefix, classPath(classPathEntries()));
    }

    private CliRunner(Path repo, List<String> prefix, String classPath) {
        this.repo = repo;
        this.prefix = prefix;
        this.classPath = classPath;
    }

    /** A runner whose class path is copied to {@code dir}, for a child running as another user. */
    static CliRunner withCopiedClassPath(Path repo, List<String> prefix, Path dir) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path entry : classPathEntries()) {
            Path copy = dir.resolve(entry.getFileName());
            try (var files = Files.walk(entry)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, copy.resolve(entry.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            copies.add(copy);
        }
        return new CliRunner(repo, prefix, classPath(copies));
    }

    private static List<Path> classPathEntries() {
        List<Path> parts = new ArrayList<>();
        for (Class<?> c : List.of(Repository.class, com.github.luben.zstd.Zstd.class,
                org.bouncycastle.crypto.generators.Argon2BytesGenerator.class, org.slf4j.LoggerFactory.class)) {
            parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath()));
        }
        return parts;
    }

    private static String classPath(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classPath, "org.bulwark.repository.cli.RepositoryTool", "--repo", repo.toString(),
                "--kdf-memory", "8192", "--kdf-iterations", "1"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    ProcessBuilder builder(String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().put("BULWARK_PASSPHRASE", new String(TestData.PASSPHRASE));
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        return pb;
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process p = builder(args).start();
        var err = p.getErrorStream();
        var errText = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                errText.complete(e.toString());
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tool did not finish: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), out, errText.join());
    }
}
