package org.bulwark.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.repository.format.ChunkId;
import org.bulwark.repository.format.CorruptObjectException;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Segment;

/**
 * Checks a whole repository: every backup record and manifest opens and matches, and every chunk
 * they reference is present, decrypts and hashes to its id. Each damaged backup and each damaged
 * file inside a backup is reported with the cause.
 */
final class Verifier {
    private final Repository repo;
    private final ProgressListener progress;
    private final AtomicLong bytes = new AtomicLong();

    Verifier(Repository repo, ProgressListener progress) {
        this.repo = repo;
        this.progress = progress;
    }

    VerifyReport run() throws IOException {
        List<VerifyReport.Damage> damage = new ArrayList<>();
        Map<Backup, List<ManifestItem>> good = new LinkedHashMap<>();
        List<String> names = repo.destination().list("backups");
        for (String name : names) {
            String id = name.substring(name.lastIndexOf('/') + 1);
            Backup b;
            try {
                b = repo.readBackup(name);
            } catch (CorruptObjectException e) {
                damage.add(new VerifyReport.Damage(id, null, "backup record damaged: " + e.getMessage()));
                continue;
            } catch (NoSuchFileException e) {
                continue;
            }
            try {
                good.put(b, repo.manifest(b));
            } catch (CorruptObjectException e) {
                damage.add(new VerifyReport.Damage(id, null, "manifest damaged: " + e.getMessage()));
            }
        }
        Set<ChunkId> chunks = new LinkedHashSet<>();
        good.values().forEach(items -> items.forEach(i -> i.segments().forEach(s -> {
            if (!s.zero()) {
                chunks.add(s.chunk());
            }
        })));
        Map<ChunkId, String> bad = checkChunks(chunks);
        for (var e : good.entrySet()) {
            Backup b = e.getKey();
            for (CatalogEntry entry : b.entries()) {
                if (!entry.type().hasContent()) {
                    continue;
                }
                ManifestItem item = entry.item() >= 0 && entry.item() < e.getValue().size() ? e.getValue().get(entry.item()) : null;
                if (item == null) {
                    damage.add(new VerifyReport.Damage(b.id(), entry.path(), "catalog points at a missing manifest item"));
                    continue;
                }
                for (Segment s : item.segments()) {
                    if (!s.zero() && bad.containsKey(s.chunk())) {
                        damage.add(new VerifyReport.Damage(b.id(), entry.path(), bad.get(s.chunk())));
                        break;
                    }
                }
            }
        }
        return new VerifyReport(names.size(), chunks.size(), bytes.get(), damage);
    }

    private Map<ChunkId, String> checkChunks(Set<ChunkId> chunks) throws IOException {
        Map<ChunkId, String> bad = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(repo.threads(), r -> {
            Thread t = new Thread(r, "bulwark-verify");
            t.setDaemon(true);
            return t;
        });
        Semaphore window = new Semaphore(repo.threads() * 4);
        AtomicLong done = new AtomicLong();
        long total = chunks.size();
        try {
            for (ChunkId id : chunks) {
                window.acquire();
                pool.execute(() -> {
                    try {
                        bytes.addAndGet(repo.readChunk(id).length);
                    } catch (CorruptObjectException e) {
                        bad.put(id, e.getMessage());
                    } catch (IOException | RuntimeException e) {
                        bad.put(id, id.objectName() + ": cannot read: " + e);
                    } finally {
                        window.release();
                        long n = done.incrementAndGet();
                        if (n % 64 == 0) {
                            progress.update("verify", n, total);
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(365, TimeUnit.DAYS)) {
                throw new IOException("verify did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("verify interrupted");
        } finally {
            pool.shutdownNow();
        }
        progress.update("verify", done.get(), total);
        return bad;
    }
}
