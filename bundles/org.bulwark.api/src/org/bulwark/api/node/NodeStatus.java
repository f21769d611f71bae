package org.bulwark.api.node;

/**
 * What a node says about itself (heartbeat answer).
 *
 * @param capacity how many tasks it runs at once
 * @param runningTasks how many run now
 */
public record NodeStatus(String name, String version, int capacity, int runningTasks) {
}
