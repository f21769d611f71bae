package org.bulwark.node.kvm.export;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.bulwark.node.kvm.ObjectNames;

/**
 * What to export.
 *
 * @param vm         the virtual machine's name
 * @param since      the checkpoint of the previous backup for an incremental; empty for a full
 * @param checkpoint the name of the checkpoint this export creates for the next incremental
 */
public record ExportRequest(String vm, Optional<String> since, String checkpoint) {
    public ExportRequest {
        since.ifPresent(name -> ObjectNames.require("checkpoint", name));
        ObjectNames.require("checkpoint", checkpoint);
    }

    /** A full export creating a fresh checkpoint. */
    public static ExportRequest full(String vm) {
        return new ExportRequest(vm, Optional.empty(), newCheckpointName());
    }

    /** An incremental export of what changed since checkpoint {@code since}, creating a fresh checkpoint. */
    public static ExportRequest incremental(String vm, String since) {
        return new ExportRequest(vm, Optional.of(since), newCheckpointName());
    }

    /** {@code bulwark-<epoch millis>-<random>}: unique and sortable by time. */
    public static String newCheckpointName() {
        return "bulwark-" + Instant.now().toEpochMilli() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
