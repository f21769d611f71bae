package org.bulwark.api;

/** Kinds of work a node carries out. */
public enum TaskType {
    /** Round trip server → node → server with progress events; proves the channel. */
    PING,
    /** The node reports the virtual machines of its local hypervisor. */
    INVENTORY
}
