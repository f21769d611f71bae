package org.bulwark.server.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.workflow.TaskLink;
import org.bulwark.server.workflow.TaskLinkStore;

/** Links of tasks to their workflow in table {@code task_links}. */
public final class JpaTaskLinkStore implements TaskLinkStore {
    private final Jpa jpa;
    private final TaskParameterColumn parameters;

    public JpaTaskLinkStore(Jpa jpa, TaskParameterColumn parameters) {
        this.jpa = jpa;
        this.parameters = parameters;
    }

    @Override
    public void insert(TaskLink link) {
        jpa.write(em -> {
            em.persist(new TaskLinkEntity(link, parameters));
            return null;
        });
    }

    @Override
    public Optional<TaskLink> find(UUID taskId) {
        return jpa.read(em -> em.createQuery("select l from TaskLinkEntity l where l.taskId = :id", TaskLinkEntity.class)
                .setParameter("id", taskId.toString()).getResultStream().findFirst().map(l -> l.toLink(parameters)));
    }

    @Override
    public List<TaskLink> pending() {
        return jpa.read(em -> em.createQuery("select l from TaskLinkEntity l where l.applied = false", TaskLinkEntity.class)
                .getResultStream().map(l -> l.toLink(parameters)).toList());
    }

    @Override
    public boolean markApplied(UUID taskId) {
        return jpa.write(em -> em.createQuery("update TaskLinkEntity l set l.applied = true"
                        + " where l.taskId = :id and l.applied = false")
                .setParameter("id", taskId.toString()).executeUpdate() > 0);
    }
}
