package org.bulwark.server.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.Mount;
import org.bulwark.server.mount.MountStore;

/** Open mounts in table {@code mounts}. */
public final class JpaMountStore implements MountStore {
    private final Jpa jpa;

    public JpaMountStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(Mount mount) {
        jpa.write(em -> {
            em.persist(new MountEntity(mount));
            return null;
        });
    }

    @Override
    public Optional<Mount> find(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(MountEntity.class, id.toString())).map(MountEntity::toMount));
    }

    @Override
    public List<Mount> list() {
        return jpa.read(em -> em.createQuery("select m from MountEntity m order by m.opened desc", MountEntity.class)
                .getResultStream().map(MountEntity::toMount).toList());
    }

    @Override
    public void delete(UUID id) {
        jpa.write(em -> em.createQuery("delete from MountEntity m where m.id = :id")
                .setParameter("id", id.toString()).executeUpdate());
    }
}
