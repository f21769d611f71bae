package org.bulwark.api;

/** Connection state of a node as the server sees it. */
public enum NodeState {
    /** Enrolled, the server is (re)connecting. */
    CONNECTING,
    /** Channel up, heartbeats arriving. */
    ONLINE,
    /** Channel lost; the server retries with back-off. */
    OFFLINE
}
