package org.bulwark.server.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.server.task.StoredTask;
import org.bulwark.server.task.TaskStore;

/** The task queue in tables {@code tasks} and {@code task_log}. */
public final class JpaTaskStore implements TaskStore {
    private static final int MESSAGE_MAX = 2000;
    private static final int LOG_MESSAGE_MAX = 4000;

    private final Jpa jpa;
    private final TaskParameterColumn parameters;

    public JpaTaskStore(Jpa jpa, TaskParameterColumn parameters) {
        this.jpa = jpa;
        this.parameters = parameters;
    }

    @Override
    public void insert(StoredTask task) {
        TaskEntity e = new TaskEntity();
        e.id = task.id().toString();
        e.type = task.type().name();
        e.state = task.state().name();
        e.progress = task.progress();
        e.message = clip(task.message(), MESSAGE_MAX);
        e.requestedNodeId = task.requestedNodeId() == null ? null : task.requestedNodeId().toString();
        e.parameters = parameters.write(e.id, task.parameters());
        e.owner = task.owner();
        e.createdAt = task.createdAt();
        jpa.write(em -> {
            em.persist(e);
            return null;
        });
    }

    @Override
    public Optional<StoredTask> find(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(TaskEntity.class, id.toString())).map(this::toTask));
    }

    @Override
    public List<StoredTask> newest(int limit) {
        return jpa.read(em -> em.createQuery("select t from TaskEntity t order by t.createdAt desc", TaskEntity.class)
                .setMaxResults(limit).getResultStream().map(this::toTask).toList());
    }

    @Override
    public List<StoredTask> inState(TaskState state) {
        return jpa.read(em -> em.createQuery("select t from TaskEntity t where t.state = :state order by t.createdAt",
                        TaskEntity.class)
                .setParameter("state", state.name()).getResultStream().map(this::toTask).toList());
    }

    @Override
    public int countRunningOn(UUID nodeId) {
        return jpa.read(em -> em.createQuery("select count(t) from TaskEntity t where t.nodeId = :node and t.state = :state",
                        Long.class)
                .setParameter("node", nodeId.toString()).setParameter("state", TaskState.RUNNING.name())
                .getSingleResult().intValue());
    }

    @Override
    public boolean assign(UUID id, UUID nodeId, String nodeName, Instant startedAt) {
        return jpa.write(em -> em.createQuery("update TaskEntity t set t.state = :running, t.nodeId = :node,"
                        + " t.nodeName = :name, t.startedAt = :at, t.message = :message where t.id = :id and t.state = :queued")
                .setParameter("running", TaskState.RUNNING.name()).setParameter("node", nodeId.toString())
                .setParameter("name", nodeName).setParameter("at", startedAt)
                .setParameter("message", "running on " + nodeName)
                .setParameter("id", id.toString()).setParameter("queued", TaskState.QUEUED.name())
                .executeUpdate() > 0);
    }

    @Override
    public boolean requeue(UUID id) {
        return jpa.write(em -> em.createQuery("update TaskEntity t set t.state = :queued, t.nodeId = null,"
                        + " t.nodeName = null, t.startedAt = null, t.message = :message where t.id = :id and t.state = :running")
                .setParameter("queued", TaskState.QUEUED.name()).setParameter("message", "queued")
                .setParameter("id", id.toString()).setParameter("running", TaskState.RUNNING.name())
                .executeUpdate() > 0);
    }

    @Override
    public boolean requeueTo(UUID id, UUID nodeId) {
        return jpa.write(em -> em.createQuery("update TaskEntity t set t.state = :queued, t.nodeId = null,"
                        + " t.nodeName = null, t.startedAt = null, t.progress = 0, t.message = :message,"
                        + " t.requestedNodeId = :node where t.id = :id and t.state = :running")
                .setParameter("queued", TaskState.QUEUED.name()).setParameter("message", "queued again after a failover")
                .setParameter("node", nodeId.toString())
                .setParameter("id", id.toString()).setParameter("running", TaskState.RUNNING.name())
                .executeUpdate() > 0);
    }

    @Override
    public boolean progress(UUID id, int percent, String message) {
        return jpa.write(em -> em.createQuery("update TaskEntity t set t.progress = :progress, t.message = :message"
                        + " where t.id = :id and t.state = :running")
                .setParameter("progress", percent).setParameter("message", clip(message, MESSAGE_MAX))
                .setParameter("id", id.toString()).setParameter("running", TaskState.RUNNING.name())
                .executeUpdate() > 0);
    }

    @Override
    public boolean finish(UUID id, TaskState from, TaskState to, String message, String result, Instant finishedAt) {
        String progress = to == TaskState.SUCCEEDED ? "100" : "t.progress";
        return jpa.write(em -> em.createQuery("update TaskEntity t set t.state = :to, t.progress = " + progress
                        + ", t.message = :message, t.result = :result, t.finishedAt = :at where t.id = :id and t.state = :from")
                .setParameter("to", to.name()).setParameter("message", clip(message, MESSAGE_MAX))
                .setParameter("result", result).setParameter("at", finishedAt)
                .setParameter("id", id.toString()).setParameter("from", from.name())
                .executeUpdate() > 0);
    }

    @Override
    public void appendLog(UUID id, Instant time, String level, String message) {
        TaskLogEntity e = new TaskLogEntity();
        e.taskId = id.toString();
        e.time = time;
        e.level = level;
        e.message = clip(message == null ? "" : message, LOG_MESSAGE_MAX);
        jpa.write(em -> {
            em.persist(e);
            return null;
        });
    }

    @Override
    public List<TaskLogEntry> log(UUID id) {
        return jpa.read(em -> em.createQuery("select l from TaskLogEntity l where l.taskId = :id order by l.id",
                        TaskLogEntity.class)
                .setParameter("id", id.toString()).getResultStream()
                .map(l -> new TaskLogEntry(l.time, l.level, l.message)).toList());
    }

    private StoredTask toTask(TaskEntity e) {
        return new StoredTask(UUID.fromString(e.id), TaskType.valueOf(e.type), TaskState.valueOf(e.state), e.progress,
                e.message, uuid(e.nodeId), e.nodeName, uuid(e.requestedNodeId), parameters.read(e.id, e.parameters), e.owner,
                e.createdAt, e.startedAt, e.finishedAt, e.result);
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }


}
