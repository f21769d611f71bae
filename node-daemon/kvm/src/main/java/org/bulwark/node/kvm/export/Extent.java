package org.bulwark.node.kvm.export;

/** A byte range of a disk: {@code [offset, offset + length)}. */
public record Extent(long offset, long length) {
    public Extent {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("bad extent " + offset + "+" + length);
        }
    }

    public long end() {
        return offset + length;
    }
}
