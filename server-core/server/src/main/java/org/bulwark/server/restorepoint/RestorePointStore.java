package org.bulwark.server.restorepoint;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.RestorePoint;

/** Where restore points are recorded (a port; the JPA adapter implements it). Expired ones are not listed. */
public interface RestorePointStore {

    void insert(RestorePoint point);

    Optional<RestorePoint> find(String id);

    /** Restore points not expired, newest first. */
    List<RestorePoint> list();

    /** A VM's restore points not expired, newest first. */
    List<RestorePoint> ofVm(UUID vmId);

    /** Marks restore points expired at {@code at}. */
    void expire(Collection<String> ids, Instant at);

    /** Deletes the records of expired restore points whose data is gone from their repository; others are left. */
    void delete(Collection<String> ids);
}
