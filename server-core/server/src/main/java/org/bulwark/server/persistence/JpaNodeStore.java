package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.fleet.EnrolledNode;
import org.bulwark.server.fleet.NodeStore;

/** Enrolled nodes in table {@code nodes}. */
public final class JpaNodeStore implements NodeStore {
    private final Jpa jpa;

    public JpaNodeStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<EnrolledNode> list() {
        return jpa.read(em -> em.createQuery("select n from NodeEntity n order by n.name", NodeEntity.class)
                .getResultStream().map(NodeEntity::toNode).toList());
    }

    @Override
    public Optional<EnrolledNode> find(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(NodeEntity.class, id.toString())).map(NodeEntity::toNode));
    }

    @Override
    public boolean exists(String name, String host, int sshPort) {
        return jpa.read(em -> em.createQuery("select count(n) from NodeEntity n where n.name = :name"
                        + " or (n.host = :host and n.sshPort = :port)", Long.class)
                .setParameter("name", name).setParameter("host", host).setParameter("port", sshPort)
                .getSingleResult() > 0);
    }

    @Override
    public boolean insert(EnrolledNode node) {
        try {
            return jpa.write(em -> {
                em.persist(new NodeEntity(node));
                return true;
            });
        } catch (PersistenceException e) {
            if (exists(node.name(), node.host(), node.sshPort())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(UUID id) {
        return jpa.write(em -> em.createQuery("delete from NodeEntity n where n.id = :id")
                .setParameter("id", id.toString()).executeUpdate() > 0);
    }
}
