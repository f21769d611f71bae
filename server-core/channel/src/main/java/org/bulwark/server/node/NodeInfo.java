package org.bulwark.server.node;

/** What a node says about itself on enrollment and in every heartbeat. */
public record NodeInfo(String name, String version, int capacity, int runningTasks) {
}
