package org.bulwark.repository.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.CatalogEntry;
import org.bulwark.repository.Extent;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.PruneReport;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryStats;
import org.bulwark.repository.RestoreOptions;
import org.bulwark.repository.RetentionPolicy;
import org.bulwark.repository.SourceError;
import org.bulwark.repository.VerifyReport;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.crypto.KeyFile;
import org.bulwark.repository.destination.LocalDestination;
import org.bulwark.repository.format.ObjectCodec;

/**
 * The {@code bulwark-repo} command-line tool. Run without arguments for usage. Passphrases come
 * from {@code --passphrase-file}, the environment ({@code BULWARK_PASSPHRASE}) or the terminal,
 * never from the command line. Exit codes: 0 done, 1 failed, 2 usage, 3 backup done with
 * unreadable source paths, 4 verify found damage.
 */
public final class RepositoryTool {

    static final String USAGE = """
            usage: bulwark-repo --repo DIR [--passphrase-file FILE] COMMAND [options]
              init [--unencrypted] [--chunk-size BYTES] [--recycle-days N] [--kdf-memory KIB] [--kdf-iterations N]
              backup [--label L] [--parent ID|latest] [--changed EXTENTS_FILE] [--rescan] (PATH | --image IMAGE | --stdin NAME)
              restore [--path P] [--sparse] BACKUP TARGET
              snapshots
              ls BACKUP [PATH]
              cat BACKUP PATH
              diff BACKUP1 BACKUP2
              verify
              prune [--keep-last N] [--keep-within DURATION (e.g. 30d, 12h)] [--label L] [--dry-run]
              stats
              key list | key add | key remove ID | key export | key import FILE
            environment: BULWARK_REPOSITORY, BULWARK_PASSPHRASE, BULWARK_NEW_PASSPHRASE
            EXTENTS_FILE: one "OFFSET LENGTH" pair per line (bytes), '#' starts a comment
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Map<String, String> opts = new HashMap<>();
    private final Set<String> flags = new java.util.HashSet<>();
    private final List<String> args = new ArrayList<>();

    RepositoryTool(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    public static void main(String[] argv) {
        int code = new RepositoryTool(System.out, System.err, System.in, System.getenv()).run(argv);
        System.out.flush();
        System.exit(code);
    }

    /** Backups and restores of at least this much data warm the JIT up first ({@link ObjectCodec#warmUp}). */
    private static final long WARM_UP_BYTES = 256L << 20;

    private static final Set<String> FLAGS = Set.of("--unencrypted", "--rescan", "--sparse", "--dry-run");

    int run(String[] argv) {
        Deque<String> q = new ArrayDeque<>(List.of(argv));
        while (!q.isEmpty()) {
            String a = q.poll();
            if (FLAGS.contains(a)) {
                flags.add(a);
            } else if (a.startsWith("--") && !q.isEmpty()) {
                opts.put(a, q.poll());
            } else if (a.startsWith("--")) {
                err.println("option " + a + " needs a value\n" + USAGE);
                return 2;
            } else {
                args.add(a);
            }
        }
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String repoDir = opts.getOrDefault("--repo", env.get("BULWARK_REPOSITORY"));
        if (repoDir == null) {
            err.println("no repository: give --repo DIR or set BULWARK_REPOSITORY");
            return 2;
        }
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        try {
            return dispatch(new LocalDestination(Path.of(repoDir)), progress);
        } catch (UsageException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            progress.finish();
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int dispatch(LocalDestination dest, ProgressPrinter progress) throws IOException {
        String cmd = args.getFirst();
        if (cmd.equals("init")) {
            return init(dest);
        }
        if (cmd.equals("key") && arg(1).equals("import")) {
            String id = Repository.importKey(dest, Files.readString(Path.of(arg(2))), newPassphrase(), kdf());
            out.println("added key " + id);
            return 0;
        }
        if (cmd.equals("backup") && opts.containsKey("--image") && !opts.containsKey("--changed")
                && Files.size(Path.of(opts.get("--image"))) >= WARM_UP_BYTES) {
            ObjectCodec.warmUp(); // bulk data ahead: compile the crypto while the passphrase is derived
        }
        try (Repository repo = Repository.open(dest, passphraseFor(dest))) {
            int code = switch (cmd) {
                case "backup" -> backup(repo, progress);
                case "restore" -> {
                    Backup b = repo.find(arg(1));
                    if (b.logicalBytes() >= WARM_UP_BYTES) {
                        ObjectCodec.warmUp();
                    }
                    repo.restore(b, Path.of(arg(2)), new RestoreOptions(opts.get("--path"), flags.contains("--sparse"), progress));
                    progress.finish();
                    out.println("restored " + b.shortId() + " to " + arg(2));
                    yield 0;
                }
                case "snapshots", "list" -> {
                    for (Backup b : repo.list()) {
                        out.printf("%s  %s  %-10s %10s  %s%s%n", b.shortId(), b.created(), b.kind(),
                                ProgressPrinter.size(b.logicalBytes()), b.label(),
                                b.parent() == null ? "" : "  (parent " + b.parent().substring(0, 8) + ")");
                    }
                    yield 0;
                }
                case "ls" -> ls(repo);
                case "cat" -> {
                    try (InputStream content = repo.openContent(repo.find(arg(1)), arg(2))) {
                        OutputStream o = out;
                        content.transferTo(o);
                        o.flush();
                    }
                    yield 0;
                }
                case "diff" -> {
                    repo.diff(repo.find(arg(1)), repo.find(arg(2))).forEach(out::println);
                    yield 0;
                }
                case "verify" -> verify(repo, progress);
                case "prune" -> prune(repo, progress);
                case "stats" -> {
                    RepositoryStats s = repo.stats();
                    out.printf("backups %d%nchunks %d%nstored %s (%d bytes)%nlogical %s%nrecycle bin %s%n", s.backups(), s.chunks(),
                            ProgressPrinter.size(s.storedBytes()), s.storedBytes(), ProgressPrinter.size(s.logicalBytes()),
                            ProgressPrinter.size(s.recycleBytes()));
                    yield 0;
                }
                case "key" -> key(repo);
                default -> throw new UsageException("unknown command " + cmd);
            };
            return code;
        }
    }

    private int init(LocalDestination dest) throws IOException {
        InitOptions o = InitOptions.defaults().withKdf(kdf());
        if (flags.contains("--unencrypted")) {
            o = o.unencrypted();
        }
        if (opts.containsKey("--chunk-size")) {
            int cs = Integer.parseInt(opts.get("--chunk-size"));
            o = o.withChunkSizes(cs, o.cdcMin(), o.cdcAverage(), o.cdcMax());
        }
        if (opts.containsKey("--recycle-days")) {
            o = o.withRecycleDays(Integer.parseInt(opts.get("--recycle-days")));
        }
        try (Repository repo = Repository.init(dest, o, o.encrypted()
                ? secret(opts.get("--passphrase-file"), "BULWARK_PASSPHRASE", "New repository passphrase: ") : null)) {
            out.println("created repository " + repo.config().idHex() + " at " + dest.describe()
                    + (o.encrypted() ? " (encrypted; keep the passphrase, or export the key with 'key export')" : " (unencrypted)"));
        }
        return 0;
    }

    private KdfParams kdf() {
        KdfParams d = KdfParams.DEFAULT;
        return new KdfParams(Integer.parseInt(opts.getOrDefault("--kdf-memory", Integer.toString(d.memoryKiB()))),
                Integer.parseInt(opts.getOrDefault("--kdf-iterations", Integer.toString(d.iterations()))), d.parallelism());
    }

    private int backup(Repository repo, ProgressPrinter progress) throws IOException {
        List<Extent> changed = opts.containsKey("--changed") ? readExtents(Path.of(opts.get("--changed"))) : null;
        BackupOptions o = new BackupOptions(opts.get("--label"), opts.get("--parent"), changed, flags.contains("--rescan"), progress);
        Backup b;
        if (opts.containsKey("--image")) {
            b = repo.backupImage(Path.of(opts.get("--image")), o);
        } else if (opts.containsKey("--stdin")) {
            b = repo.backupStream(in, opts.get("--stdin"), o);
        } else {
            Path p = Path.of(arg(1));
            b = Files.isDirectory(p) ? repo.backupTree(p, o) : repo.backupFile(p, o);
        }
        progress.finish();
        out.printf("backup %s done: %s read, %s new on the destination, %d entries%n", b.id(),
                ProgressPrinter.size(b.readBytes()), ProgressPrinter.size(b.newBytes()), b.entries().size());
        for (SourceError e : b.errors()) {
            err.println("not backed up: " + e.path() + ": " + e.message());
        }
        return b.errors().isEmpty() ? 0 : 3;
    }

    static List<Extent> readExtents(Path file) throws IOException {
        List<Extent> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.replaceAll("#.*", "").trim();
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split("[\\s,:]+");
            if (f.length != 2) {
                throw new UsageException("bad extent line in " + file + ": " + line);
            }
            out.add(new Extent(Long.parseLong(f[0]), Long.parseLong(f[1])));
        }
        return out;
    }

    private int ls(Repository repo) throws IOException {
        Backup b = repo.find(arg(1));
        String prefix = args.size() > 2 ? arg(2).replaceAll("^/+|/+$", "") : "";
        for (CatalogEntry e : b.entries()) {
            boolean under = prefix.isEmpty() || e.path().equals(prefix) || e.path().startsWith(prefix + "/");
            if (under) {
                out.printf("%-9s %04o %14d  %s%s%n", e.type().name().toLowerCase(), e.mode(), e.size(), e.path(),
                        e.linkTarget().isEmpty() ? "" : " -> " + e.linkTarget());
            }
        }
        return 0;
    }

    private int verify(Repository repo, ProgressPrinter progress) throws IOException {
        VerifyReport r = repo.verify(progress);
        progress.finish();
        for (VerifyReport.Damage d : r.damage()) {
            out.println("DAMAGED backup " + d.backupId() + (d.path() == null ? "" : " file " + d.path()) + ": " + d.problem());
        }
        out.printf("verified %d backups, %d chunks, %s: %s%n", r.backups(), r.chunks(), ProgressPrinter.size(r.bytes()),
                r.ok() ? "no damage" : r.damage().size() + " damaged");
        return r.ok() ? 0 : 4;
    }

    private int prune(Repository repo, ProgressPrinter progress) throws IOException {
        int keepLast = Integer.parseInt(opts.getOrDefault("--keep-last", "0"));
        Duration within = opts.containsKey("--keep-within") ? parseDuration(opts.get("--keep-within")) : null;
        PruneReport r = repo.prune(new RetentionPolicy(keepLast, within, opts.get("--label")), flags.contains("--dry-run"), progress);
        progress.finish();
        String verb = r.dryRun() ? "would remove" : "removed";
        for (Backup b : r.forgotten()) {
            out.println(verb + " backup " + b.shortId() + " " + b.created() + " " + b.label());
        }
        out.printf("%s %d chunks (%s)%s%n", verb, r.chunks(), ProgressPrinter.size(r.bytes()),
                r.recycleBin() == null ? "" : "; kept in " + r.recycleBin() + " for " + repo.config().recycleDays() + " days");
        r.purgedBins().forEach(b -> out.println("emptied recycle bin " + b));
        return 0;
    }

    static Duration parseDuration(String s) {
        char unit = s.charAt(s.length() - 1);
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (unit) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> throw new UsageException("duration needs a unit d, h or m: " + s);
        };
    }

    private int key(Repository repo) throws IOException {
        switch (arg(1)) {
            case "list" -> {
                for (KeyFile k : repo.keys()) {
                    out.println(k.id() + "  added " + k.created() + "  argon2id " + k.kdf().memoryKiB() + " KiB x" + k.kdf().iterations());
                }
            }
            case "add" -> out.println("added key " + repo.addPassphrase(newPassphrase(), kdf()));
            case "remove" -> {
                repo.removePassphrase(arg(2));
                out.println("removed key " + arg(2));
            }
            case "export" -> out.print(repo.exportKey());
            default -> throw new UsageException("unknown key command " + arg(1));
        }
        return 0;
    }

    private String arg(int i) {
        if (i >= args.size()) {
            throw new UsageException("missing argument after " + String.join(" ", args));
        }
        return args.get(i);
    }

    private char[] passphraseFor(LocalDestination dest) throws IOException {
        if (!Files.exists(dest.root().resolve("keys"))) {
            return null;
        }
        return secret(opts.get("--passphrase-file"), "BULWARK_PASSPHRASE", "Passphrase: ");
    }

    private char[] newPassphrase() throws IOException {
        return secret(opts.get("--new-passphrase-file"), "BULWARK_NEW_PASSPHRASE", "New passphrase: ");
    }

    private char[] secret(String file, String variable, String prompt) throws IOException {
        if (file != null) {
            return Files.readString(Path.of(file)).strip().toCharArray();
        }
        if (env.get(variable) != null) {
            return env.get(variable).toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new UsageException("no passphrase: give --passphrase-file, set " + variable + " or run on a terminal");
        }
        return c.readPassword(prompt);
    }

    /** A command line that does not make sense. */
    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
