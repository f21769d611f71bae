import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.repository.*;
import org.bulwark.repository.destination.LocalDestination;

/**
 * The engine in one long-lived JVM, as the node daemon uses it: full backup of the image (which
 * also warms the JIT), a second full backup (now warm), the extents incremental, and a restore.
 * {@code java -cp 'target/classes:target/lib/*' bench/InProcess.java REPO IMAGE EXTENTS OUT}
 */
public class InProcess {
    public static void main(String[] a) throws Exception {
        Path image = Path.of(a[1]);
        List<Extent> extents = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[2]))) {
            String[] f = line.trim().split("\\s+");
            extents.add(new Extent(Long.parseLong(f[0]), Long.parseLong(f[1])));
        }
        try (Repository repo = Repository.init(new LocalDestination(Path.of(a[0])), InitOptions.defaults(), "pw".toCharArray())) {
            Backup first = time("full backup (cold JIT)", () -> repo.backupImage(image, BackupOptions.labelled("img")));
            time("full backup again (warm, all dedup)", () -> repo.backupImage(image, BackupOptions.labelled("img")));
            time("incremental with extents", () -> repo.backupImage(image, BackupOptions.labelled("img").withParent(first.id()).withChanged(extents)));
            Backup last = repo.list().getLast();
            time("restore (warm)", () -> { repo.restore(last, Path.of(a[3]), RestoreOptions.defaults()); return null; });
        }
    }

    interface Step<T> { T run() throws Exception; }

    static <T> T time(String name, Step<T> step) throws Exception {
        long t = System.nanoTime();
        T result = step.run();
        System.out.printf("%-40s %6.2f s%n", name, (System.nanoTime() - t) / 1e9);
        return result;
    }
}
