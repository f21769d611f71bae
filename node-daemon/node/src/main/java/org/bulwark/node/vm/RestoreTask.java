package org.bulwark.node.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryException;
import org.bulwark.repository.RestoreOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RESTORE: writes a restore point's disks as image files, {@code <folder>/<name>-<device>.<format>},
 * raw files sparse or qcow2 (through {@code qemu-img convert}), and its domain definition as
 * {@code <folder>/<name>.xml}. Existing files are never overwritten (the task is refused before
 * anything is written); names from the backup are checked so that nothing lands outside the folder.
 *
 * <p>Parameters: {@code destination}, {@code passphrase} or {@code passphraseFile},
 * {@code restorePoint} (id or unique prefix), {@code folder}; optional {@code format} ({@code raw},
 * the default, or {@code qcow2}) and {@code name} (default: the machine's name). An IMPORT after it
 * takes the same {@code folder}, {@code format} and {@code name}.
 */
public final class RestoreTask implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreTask.class);

    /** What a RESTORE returns: the files written. */
    public record Result(String restorePoint, String vm, String format, List<RestoredDisk> disks, String definition) {
    }

    /** One restored disk: guest device, image file and its virtual size. */
    public record RestoredDisk(String target, String path, long size) {
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        Parameters p = new Parameters("RESTORE", parameters);
        RestoreTarget target = RestoreTarget.of(p);
        String name = p.optional("name", null);
        if (name != null) {
            ObjectNames.require("restore", name);
        }
        return progress -> {
            progress.report(0, "opening the repository at " + target.access().destination());
            try (Repository repository = target.access().open(false)) {
                RestorePoint point = RestorePoint.find(repository, target.restorePoint());
                return restore(repository, point, target, name == null ? point.info().vm() : name, progress);
            }
        };
    }

    private static Result restore(Repository repository, RestorePoint point, RestoreTarget target, String name,
            Progress progress) throws IOException, InterruptedException {
        ObjectNames.require("restore", name);
        String format = target.format();
        Files.createDirectories(target.folder());
        Path root = target.folder().toRealPath();
        List<Path> outputs = new ArrayList<>();
        for (RestorePoint.Disk disk : point.info().disks()) {
            outputs.add(inside(root, target.imageName(name, disk.target())));
        }
        Path definition = inside(root, name + ".xml");
        for (Path out : concat(outputs, definition)) {
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new RepositoryException("refusing to overwrite " + out + ": choose another folder or name");
            }
        }
        List<RestoredDisk> restored = new ArrayList<>();
        int count = point.info().disks().size();
        for (int i = 0; i < count; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled");
            }
            RestorePoint.Disk disk = point.info().disks().get(i);
            Path out = outputs.get(i);
            int from = 2 + 96 * i / count;
            int to = 2 + 96 * (i + 1) / count;
            progress.report(from, "restoring disk " + disk.target() + " to " + out);
            RestoreOptions options = new RestoreOptions(disk.target(), true,
                    new PercentProgress(progress, from, format.equals("raw") ? to : (from + to) / 2, "restored"));
            if (format.equals("raw")) {
                repository.restore(point.backup(), out, options);
            } else {
                Path staging = inside(root, "." + out.getFileName() + ".raw-staging");
                try {
                    repository.restore(point.backup(), staging, options);
                    progress.report((from + to) / 2, "converting disk " + disk.target() + " to qcow2");
                    HostTool.run(List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", staging.toString(),
                            out.toString()));
                } catch (IOException | InterruptedException | RuntimeException e) {
                    Files.deleteIfExists(out);
                    throw e;
                } finally {
                    Files.deleteIfExists(staging);
                }
            }
            restored.add(new RestoredDisk(disk.target(), out.toString(), disk.size()));
        }
        Files.writeString(definition, point.domainXml(repository), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        LOG.info("restore point {} of {} restored to {} as {}", point.backup().shortId(), point.info().vm(), root, format);
        return new Result(point.backup().id(), point.info().vm(), format, restored, definition.toString());
    }

    /** {@code root/fileName}, refused unless it is a direct child of {@code root}. */
    private static Path inside(Path root, String fileName) throws RepositoryException {
        Path path = root.resolve(fileName).normalize();
        if (!root.equals(path.getParent())) {
            throw new RepositoryException("refusing to write " + fileName + ": it would land outside " + root);
        }
        return path;
    }

    private static List<Path> concat(List<Path> paths, Path more) {
        List<Path> all = new ArrayList<>(paths);
        all.add(more);
        return all;
    }
}
