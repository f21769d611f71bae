package org.bulwark.server.m365;

import java.time.Instant;
import java.util.UUID;
import org.bulwark.api.M365RestorePoint;

/**
 * A tenant's restore point as stored.
 *
 * @param passphraseFile the file on the node that opens the repository; {@code null} when the backup was given
 *                       its passphrase inline (then nothing can be downloaded through the server)
 */
public record StoredM365Point(long id, UUID tenant, Instant createdAt, long items, long bytes, UUID nodeId,
                              String destination, String passphraseFile, UUID policyId, UUID taskId) {

    public M365RestorePoint toApi() {
        return new M365RestorePoint(id, tenant, createdAt, items, bytes, nodeId, destination, policyId, taskId);
    }
}
