package org.bulwark.console.restore.parts;

import java.util.List;
import org.bulwark.api.MountEntry;
import org.bulwark.console.restore.model.MountedDisk;

/** A folder of a mounted partition in the folder tree; its entries are read from the server when first needed. */
final class FolderNode {
    private final FolderNode parent;
    private final String path;
    private final String name;
    private List<MountEntry> entries;
    private List<FolderNode> children;
    private boolean loading;

    FolderNode(FolderNode parent, String path, String name) {
        this.parent = parent;
        this.path = path;
        this.name = name;
    }

    /** The root folder {@code /} of a partition. */
    static FolderNode root() {
        return new FolderNode(null, "/", "/");
    }

    FolderNode parent() {
        return parent;
    }

    String path() {
        return path;
    }

    String name() {
        return name;
    }

    boolean loaded() {
        return entries != null;
    }

    /** Marks the node as being read; {@code false} when it is read or being read already. */
    boolean startLoading() {
        if (loaded() || loading) {
            return false;
        }
        loading = true;
        return true;
    }

    /** Takes the entries read from the server (on the UI thread). */
    void loaded(List<MountEntry> read) {
        loading = false;
        entries = List.copyOf(read);
        children = read.stream().filter(entry -> MountedDisk.DIRECTORY.equals(entry.type()))
                .map(entry -> new FolderNode(this, entry.path(), entry.name())).toList();
    }

    /** Reading failed: it may be tried again. */
    void failed() {
        loading = false;
    }

    List<MountEntry> entries() {
        return entries == null ? List.of() : entries;
    }

    List<FolderNode> children() {
        return children == null ? List.of() : children;
    }

    /** The child folder at {@code childPath}, once loaded. */
    FolderNode child(String childPath) {
        return children().stream().filter(child -> child.path.equals(childPath)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return name;
    }
}
