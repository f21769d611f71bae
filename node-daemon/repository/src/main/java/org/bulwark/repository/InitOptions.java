package org.bulwark.repository;

import org.bulwark.repository.crypto.KdfParams;

/**
 * Parameters of a new repository; they are written into its config and never change.
 *
 * @param encrypted      AES-256-GCM with keyed chunk ids
 * @param fixedChunkSize chunk size for disk images
 * @param cdcMin         smallest content-defined chunk
 * @param cdcAverage     average content-defined chunk (a power of two)
 * @param cdcMax         largest content-defined chunk
 * @param zstdLevel      compression level, 0 for none
 * @param recycleDays    days pruned data waits in the recycle bin
 * @param kdf            Argon2id cost for the first passphrase
 */
public record InitOptions(boolean encrypted, int fixedChunkSize, int cdcMin, int cdcAverage, int cdcMax, int zstdLevel,
                          int recycleDays, KdfParams kdf) {

    /** Encrypted, 1 MiB disk chunks, 256 KiB/1 MiB/4 MiB content-defined chunks, zstd 3, 7 days recycle bin. */
    public static InitOptions defaults() {
        return new InitOptions(true, 1 << 20, 256 << 10, 1 << 20, 4 << 20, 3, 7, KdfParams.DEFAULT);
    }

    public InitOptions unencrypted() {
        return new InitOptions(false, fixedChunkSize, cdcMin, cdcAverage, cdcMax, zstdLevel, recycleDays, kdf);
    }

    public InitOptions withKdf(KdfParams params) {
        return new InitOptions(encrypted, fixedChunkSize, cdcMin, cdcAverage, cdcMax, zstdLevel, recycleDays, params);
    }

    public InitOptions withChunkSizes(int fixed, int min, int avg, int max) {
        return new InitOptions(encrypted, fixed, min, avg, max, zstdLevel, recycleDays, kdf);
    }

    public InitOptions withRecycleDays(int days) {
        return new InitOptions(encrypted, fixedChunkSize, cdcMin, cdcAverage, cdcMax, zstdLevel, days, kdf);
    }
}
