package org.bulwark.api;

/** Liveness of the server and its dependencies. {@code status} is {@code UP} or {@code DEGRADED}. */
public record Health(String status, boolean database, int nodesOnline, int nodesTotal) {
}
