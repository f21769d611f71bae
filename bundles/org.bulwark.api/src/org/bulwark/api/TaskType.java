package org.bulwark.api;

/** Kinds of work a node carries out. */
public enum TaskType {
    /** Round trip server → node → server with progress events; proves the channel. */
    PING,
    /** The node reports the virtual machines of its local hypervisor. */
    INVENTORY,
    /** Export a virtual machine's disks (full or incremental) and store them with its definition in a repository. */
    BACKUP,
    /** Write a restore point's disks as raw or qcow2 image files into a chosen folder. */
    RESTORE,
    /** Define a virtual machine again from a restore point's saved definition, its disks restored into a folder. */
    IMPORT,
    /** Take, prune (keep last N of a policy) or revert to persisted hypervisor snapshots. */
    SNAPSHOT,
    /** Remove restore points from a repository, recycle the chunks no other backup needs, and delete their spent hypervisor checkpoints. */
    FORGET,
    /** Serve a restore point's disk straight from the repository over NBD and open its file systems for browsing. */
    MOUNT,
    /** End a mount: stop its NBD export and free its caches. */
    UNMOUNT,
    /** Discover a Microsoft 365 tenant's users, groups, sites and teams. */
    M365_DISCOVER,
    /** Back up a Microsoft 365 tenant (mail, files, teams; incremental by delta) into a repository. */
    M365_BACKUP,
    /** Restore Microsoft 365 messages or drive items into a new "Restored <date>" folder of the original or another user. */
    M365_RESTORE,
    /** List a Microsoft 365 backup: restore points, mailboxes, drives, teams, folders, messages, files, or search them. */
    M365_BROWSE,
    /** Forget expired Microsoft 365 restore points of a tenant in a repository and free the item versions only they saw. */
    M365_PRUNE
}
