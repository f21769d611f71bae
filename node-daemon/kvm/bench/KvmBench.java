import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bulwark.node.vm.BackupTask;
import org.bulwark.node.vm.VmSettings;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.ImageSource;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.destination.LocalDestination;

/**
 * The KVM benchmark's driver (run by run-kvm-benchmark.sh through the java source launcher, with the
 * node's class path): backs up the running machine VM with Bulwark's BACKUP task (export through
 * libvirt, store into an encrypted repository, in this JVM as the node daemon would) and its twin
 * TWIN (a copy of the same disk; virtnbdbackup refuses a machine holding another tool's checkpoints)
 * with virtnbdbackup, full then incremental after the same 1 % of the disk's 1 MiB blocks were
 * rewritten with the same bytes through each guest's own block device (HMP qemu-io). Prints time
 * and stored bytes of each. Arguments: VM TWIN WORKDIR DISK_MIB.
 */
public final class KvmBench {
    private static final String URI = "qemu:///system";
    private static final int MIB = 1 << 20;

    record Row(String tool, String step, double seconds, long stored, String note) {
    }

    public static void main(String[] args) throws Exception {
        String vm = args[0];
        String twin = args[1];
        Path work = Path.of(args[2]);
        int diskMib = Integer.parseInt(args[3]);
        Path repo = work.resolve("repo-bulwark");
        Path out = work.resolve("out-virtnbdbackup");
        Path passphrase = Files.writeString(work.resolve("passphrase"), "bench-passphrase");
        Repository.init(new LocalDestination(repo), InitOptions.defaults(), "bench-passphrase".toCharArray()).close();
        Files.createDirectories(out);
        BackupTask bulwark = new BackupTask(new VmSettings(URI, work.resolve("scratch")));
        Map<String, String> parameters = Map.of("vm", vm, "destination", repo.toString(),
                "passphraseFile", passphrase.toString());
        List<Row> rows = new ArrayList<>();
        warmUp(work);

        rows.add(bulwark(bulwark, parameters, repo, "full"));
        rows.add(virtnbdbackup(twin, out, work, "full"));
        change(List.of(vm, twin), work, diskMib);
        rows.add(bulwark(bulwark, parameters, repo, "incremental"));
        rows.add(virtnbdbackup(twin, out, work, "inc"));

        System.out.println();
        System.out.println("| tool | backup | time | stored | note |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Row row : rows) {
            System.out.printf("| %s | %s | %.2f s | %.1f MiB (%d bytes) | %s |%n", row.tool, row.step, row.seconds,
                    row.stored / (double) MIB, row.stored, row.note);
        }
        System.out.printf("%nfull: Bulwark %.2fx virtnbdbackup's time, %.2fx its stored bytes; incremental: Bulwark %.2f s%n",
                rows.get(0).seconds / rows.get(1).seconds, rows.get(0).stored / (double) rows.get(1).stored,
                rows.get(2).seconds);
    }

    /**
     * Stores 2 x 64 MiB of random and text blocks into a throw-away repository first, untimed: the
     * node is a long-running daemon whose hashing, compression and encryption code is compiled by
     * the JIT after its first backups; a fresh JVM would otherwise run the first one interpreted.
     */
    private static void warmUp(Path work) throws Exception {
        Path repo = work.resolve("repo-warm-up");
        byte[] image = new byte[64 * MIB];
        Random random = new Random(1);
        for (int block = 0; block < 64; block++) {
            if (block % 2 == 0) {
                byte[] data = new byte[MIB];
                random.nextBytes(data);
                System.arraycopy(data, 0, image, block * MIB, MIB);
            } else {
                byte[] text = ("block " + block + " of the warm-up image, some words to compress ").repeat(MIB / 40)
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(text, 0, image, block * MIB, MIB);
            }
        }
        long start = System.nanoTime();
        try (Repository repository = Repository.init(new LocalDestination(repo), InitOptions.defaults(),
                "warm-up".toCharArray())) {
            for (int round = 0; round < 2; round++) {
                image[round] ^= 1;
                repository.backupImages(List.of(new ImageSource("disk", image.length, (offset, dst) ->
                        dst.put(image, (int) offset, dst.remaining()), null)), Map.of(),
                        BackupOptions.labelled("warm-up"));
            }
        }
        System.err.printf("warm-up (untimed): 2 x 64 MiB stored in %.2f s%n", (System.nanoTime() - start) / 1e9);
        try (Stream<Path> paths = Files.walk(repo)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One BACKUP task, from prepare to result as the node runs it (libvirt connect, KDF, export, store). */
    private static Row bulwark(BackupTask task, Map<String, String> parameters, Path repo, String step)
            throws Exception {
        dropCaches();
        long before = size(repo);
        long start = System.nanoTime();
        long[] exporting = {0};
        BackupTask.Result result = (BackupTask.Result) task.prepare(parameters).run((percent, message) -> {
            if (message.startsWith("exporting")) {
                exporting[0] = System.nanoTime();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double setup = (exporting[0] - start) / 1e9;
        long stored = size(repo) - before;
        System.err.printf("bulwark %s: %s in %.2f s, read %d, wrote %d bytes%n", step, result.kind(), seconds,
                result.bytesRead(), result.bytesWritten());
        return new Row("Bulwark", step, seconds, stored, String.format("%s; %.2f s of it before the export began"
                + " (libvirt, repository key, previous restore point); read %d MiB, %d extent(s)", result.kind(), setup,
                result.bytesRead() / MIB, result.changedExtents()));
    }

    /** One virtnbdbackup run (a fresh process, as it is used). */
    private static Row virtnbdbackup(String vm, Path out, Path work, String level) throws Exception {
        dropCaches();
        long before = size(out);
        long start = System.nanoTime();
        Path log = work.resolve("virtnbdbackup-" + level + ".log");
        Process process = new ProcessBuilder("virtnbdbackup", "-U", URI, "-d", vm, "-l", level, "-o", out.toString(),
                "-S", work.toString(), "-n").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("virtnbdbackup -l " + level + " failed (exit " + exit + "), see " + log);
        }
        long stored = size(out) - before;
        System.err.printf("virtnbdbackup %s: %.2f s%n", level, seconds);
        return new Row("virtnbdbackup", level.equals("inc") ? "incremental" : level, seconds, stored,
                "stream format, no compression (default)");
    }

    /** Rewrites 1 % of the disk's 1 MiB blocks with random bytes through each machine's block device. */
    private static void change(List<String> vms, Path work, int diskMib) throws Exception {
        Random random = new Random(7);
        TreeSet<Integer> blocks = new TreeSet<>();
        while (blocks.size() < Math.max(1, diskMib / 100)) {
            blocks.add(random.nextInt(diskMib));
        }
        byte[] data = new byte[MIB];
        Path file = work.resolve("change.bin");
        for (int block : blocks) {
            random.nextBytes(data);
            Files.write(file, data);
            for (String vm : vms) {
                String answer = run("virsh", "-c", URI, "qemu-monitor-command", vm, "--hmp",
                        "qemu-io -d /machine/peripheral/virtio-disk0/virtio-backend \"write -s " + file + " "
                                + (long) block * MIB + " " + MIB + "\"");
                if (!answer.isBlank()) {
                    throw new IllegalStateException("qemu-io in the monitor of " + vm + ": " + answer);
                }
            }
        }
        System.err.println("changed " + blocks.size() + " blocks of 1 MiB: " + blocks);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void dropCaches() throws Exception {
        run("sync");
        try {
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
        } catch (IOException e) {
            // not root or not allowed in this container: caches stay warm for every tool alike
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
