package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.server.task.TaskService;

/** {@link TaskResource} over {@link TaskService}. */
public final class TaskEndpoint implements TaskResource {
    private final TaskService tasks;
    @Context
    private SecurityContext security;

    TaskEndpoint(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<Task> list() {
        return tasks.list();
    }

    @Override
    public Task get(UUID id) {
        return tasks.get(id);
    }

    @Override
    public List<TaskLogEntry> log(UUID id) {
        return tasks.log(id);
    }

    @Override
    public Task submit(TaskRequest request) {
        return tasks.submit(CallerPrincipal.of(security), request);
    }

    @Override
    public Task cancel(UUID id) {
        return tasks.cancel(CallerPrincipal.of(security), id);
    }

    @Override
    public Task retry(UUID id) {
        return tasks.retry(CallerPrincipal.of(security), id);
    }
}
