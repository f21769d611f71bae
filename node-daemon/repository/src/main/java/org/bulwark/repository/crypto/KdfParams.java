package org.bulwark.repository.crypto;

/**
 * Argon2id cost parameters for wrapping the repository key with a passphrase.
 *
 * @param memoryKiB   memory per derivation
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /**
     * 19 MiB, 2 passes, 1 lane: OWASP's recommended Argon2id setting (about 0.3 s here). Bouncy
     * Castle's Argon2 runs on one thread whatever the lanes, so more memory costs every open.
     */
    public static final KdfParams DEFAULT = new KdfParams(19 * 1024, 2, 1);

    public KdfParams {
        if (memoryKiB < 8 || iterations < 1 || parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("bad Argon2id parameters");
        }
    }
}
