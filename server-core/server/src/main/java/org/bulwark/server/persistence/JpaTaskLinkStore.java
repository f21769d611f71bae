package org.bulwark.server.persistence;

import java.util.List;
import java.util.UUID;
import org.bulwark.server.workflow.TaskLink;
import org.bulwark.server.workflow.TaskLinkStore;

/** Links of tasks to their workflow in table {@code task_links}. */
public final class JpaTaskLinkStore implements TaskLinkStore {
    private final Jpa jpa;

    public JpaTaskLinkStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(TaskLink link) {
        jpa.write(em -> {
            em.persist(new TaskLinkEntity(link));
            return null;
        });
    }

    @Override
    public List<TaskLink> pending() {
        return jpa.read(em -> em.createQuery("select l from TaskLinkEntity l where l.applied = false", TaskLinkEntity.class)
                .getResultStream().map(TaskLinkEntity::toLink).toList());
    }

    @Override
    public boolean markApplied(UUID taskId) {
        return jpa.write(em -> em.createQuery("update TaskLinkEntity l set l.applied = true"
                        + " where l.taskId = :id and l.applied = false")
                .setParameter("id", taskId.toString()).executeUpdate() > 0);
    }
}
