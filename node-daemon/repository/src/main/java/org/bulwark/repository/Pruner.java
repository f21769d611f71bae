package org.bulwark.repository;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bulwark.repository.destination.Destination;
import org.bulwark.repository.format.ChunkId;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Manifests;
import org.bulwark.repository.format.Segment;

/**
 * Removes backups the retention policy lets go and the chunks no remaining backup references.
 * Order makes every crash point safe: backup records move to the recycle bin first (a backup is
 * gone once its record is), then the references of all remaining backups are collected, and
 * only chunks outside them move. Recycle-bin folders older than the configured days are deleted.
 */
final class Pruner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Repository repo;
    private final Destination dest;
    private final ProgressListener progress;

    Pruner(Repository repo, ProgressListener progress) {
        this.repo = repo;
        this.dest = repo.destination();
        this.progress = progress;
    }

    PruneReport run(RetentionPolicy policy, boolean dryRun) throws IOException {
        if (policy.keepLast() == 0 && policy.keepWithin() == null) {
            throw new RepositoryException("prune needs a retention rule (keep-last or keep-within); refusing to remove every backup");
        }
        Instant now = Instant.now();
        List<Backup> all = repo.list();
        Map<String, List<Backup>> byLabel = new LinkedHashMap<>();
        for (Backup b : all) {
            byLabel.computeIfAbsent(b.label(), k -> new ArrayList<>()).add(b);
        }
        List<Backup> forget = new ArrayList<>();
        List<Backup> keep = new ArrayList<>();
        for (var group : byLabel.entrySet()) {
            List<Backup> list = group.getValue();
            boolean applies = policy.label() == null || policy.label().equals(group.getKey());
            for (int i = 0; i < list.size(); i++) {
                Backup b = list.get(i);
                boolean recent = policy.keepLast() > 0 && i >= list.size() - policy.keepLast();
                boolean young = policy.keepWithin() != null && b.created().isAfter(now.minus(policy.keepWithin()));
                (applies && !recent && !young ? forget : keep).add(b);
            }
        }
        return remove(forget, keep, dryRun, now);
    }

    /** Removes exactly the backups with these ids; fails, removing nothing, when one of them does not exist. */
    PruneReport forget(Set<String> ids) throws IOException {
        List<Backup> forget = new ArrayList<>();
        List<Backup> keep = new ArrayList<>();
        for (Backup b : repo.list()) {
            (ids.contains(b.id()) ? forget : keep).add(b);
        }
        if (forget.size() != ids.size()) {
            Set<String> missing = new TreeSet<>(ids);
            forget.forEach(b -> missing.remove(b.id()));
            throw new RepositoryException("no backup with id " + String.join(", ", missing) + "; nothing was removed");
        }
        return remove(forget, keep, false, Instant.now());
    }

    private PruneReport remove(List<Backup> forget, List<Backup> keep, boolean dryRun, Instant now) throws IOException {
        Set<ChunkId> referenced = new HashSet<>();
        for (Backup b : keep) {
            for (ManifestItem item : repo.manifest(b)) {
                for (Segment s : item.segments()) {
                    if (!s.zero()) {
                        referenced.add(s.chunk());
                    }
                }
            }
        }
        List<String> unreferenced = new ArrayList<>();
        long bytes = 0;
        for (String name : dest.list("data")) {
            if (!referenced.contains(ChunkId.ofHex(name.substring(name.lastIndexOf('/') + 1)))) {
                unreferenced.add(name);
                bytes += dest.size(name);
            }
        }
        if (dryRun) {
            return new PruneReport(true, forget, unreferenced.size(), bytes, null, List.of());
        }
        String bin = "recycle/" + STAMP.format(now);
        for (Backup b : forget) {
            dest.move("backups/" + b.id(), bin + "/backups/" + b.id());
        }
        dest.flush();
        Set<String> keptIds = new HashSet<>();
        keep.forEach(b -> keptIds.add(b.id()));
        for (String name : dest.list("manifests")) {
            if (!keptIds.contains(name.substring(name.lastIndexOf('/') + 1))) {
                dest.move(name, bin + "/" + name);
            }
        }
        int done = 0;
        for (String name : unreferenced) {
            dest.move(name, bin + "/" + name);
            if (++done % 256 == 0) {
                progress.update("prune", done, unreferenced.size());
            }
        }
        progress.update("prune", done, unreferenced.size());
        for (String prefix : List.of("data", "manifests", "backups")) {
            for (String tmp : dest.listTemporaries(prefix)) {
                dest.delete(tmp);
            }
        }
        dest.flush();
        return new PruneReport(false, forget, unreferenced.size(), bytes,
                forget.isEmpty() && unreferenced.isEmpty() ? null : bin, purgeRecycleBin(now));
    }

    private List<String> purgeRecycleBin(Instant now) throws IOException {
        Instant limit = now.minus(java.time.Duration.ofDays(repo.config().recycleDays()));
        Set<String> bins = new TreeSet<>();
        List<String> names = dest.list("recycle");
        for (String n : names) {
            bins.add(n.split("/")[1]);
        }
        List<String> purged = new ArrayList<>();
        for (String binName : bins) {
            Instant when;
            try {
                when = Instant.from(STAMP.parse(binName));
            } catch (RuntimeException e) {
                continue;
            }
            if (!when.isAfter(limit)) {
                for (String n : names) {
                    if (n.startsWith("recycle/" + binName + "/")) {
                        dest.delete(n);
                    }
                }
                purged.add(binName);
            }
        }
        dest.flush();
        return purged;
    }
}
