package org.bulwark.node.kvm.export;

/** What an export carries. */
public enum ExportKind {
    /** Every byte of each disk; the extents name the ranges holding data, the rest reads as zeros. */
    FULL,
    /** Only what changed since a checkpoint; the extents name the changed ranges. */
    INCREMENTAL
}
