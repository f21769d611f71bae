package org.bulwark.repository.crypto;

/**
 * Argon2id cost parameters for wrapping the repository key with a passphrase.
 *
 * @param memoryKiB   memory per derivation
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /** 64 MiB, 3 passes, 2 lanes: about half a second on this class of machine. */
    public static final KdfParams DEFAULT = new KdfParams(64 * 1024, 3, 2);

    public KdfParams {
        if (memoryKiB < 8 || iterations < 1 || parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("bad Argon2id parameters");
        }
    }
}
