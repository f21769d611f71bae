package org.bulwark.console.restore.parts;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bulwark.api.MountEntry;
import org.bulwark.console.restore.model.Conflict;
import org.bulwark.console.restore.model.Downloader;
import org.bulwark.console.restore.model.MountedDisk;
import org.bulwark.console.restore.model.TargetFolder;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;

/**
 * Lets the operator drag files and folders of the backup out of a viewer: into the console's
 * local-folder pane (which downloads them where they are dropped), or onto the desktop or a
 * file manager, which get local files: the entries are downloaded into a temporary folder first
 * (with progress and cancel) and the paths handed over. The temporary folders go when the part closes.
 */
final class EntryDrag {
    private final StructuredViewer viewer;
    private final Supplier<MountedDisk> disk;
    private final Supplier<Integer> partition;
    private final List<Path> temporaryFolders = new ArrayList<>();

    private EntryDrag(StructuredViewer viewer, Supplier<MountedDisk> disk, Supplier<Integer> partition) {
        this.viewer = viewer;
        this.disk = disk;
        this.partition = partition;
    }

    /** Makes the entries selected in {@code viewer} draggable; the returned drag cleans up with {@link #dispose()}. */
    static EntryDrag install(StructuredViewer viewer, Supplier<MountedDisk> disk, Supplier<Integer> partition) {
        EntryDrag drag = new EntryDrag(viewer, disk, partition);
        DragSource source = new DragSource(viewer.getControl(), DND.DROP_COPY);
        source.setTransfer(new Transfer[] {LocalSelectionTransfer.getTransfer(), FileTransfer.getInstance()});
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                List<MountEntry> entries = drag.selected();
                event.doit = drag.disk.get() != null && !entries.isEmpty();
                LocalSelectionTransfer.getTransfer().setSelection(event.doit ? viewer.getStructuredSelection() : null);
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                if (LocalSelectionTransfer.getTransfer().isSupportedType(event.dataType)) {
                    event.data = viewer.getStructuredSelection();
                } else if (FileTransfer.getInstance().isSupportedType(event.dataType)) {
                    String[] paths = drag.downloadToTemporaryFolder(drag.selected());
                    event.doit = paths.length > 0;
                    event.data = paths;
                }
            }

            @Override
            public void dragFinished(DragSourceEvent event) {
                LocalSelectionTransfer.getTransfer().setSelection(null);
            }
        });
        return drag;
    }

    /** Deletes the temporary folders of drags to the desktop. */
    void dispose() {
        for (Path folder : temporaryFolders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
        temporaryFolders.clear();
    }

    private List<MountEntry> selected() {
        IStructuredSelection selection = viewer.getStructuredSelection();
        List<MountEntry> entries = new ArrayList<>();
        for (Object element : selection.toList()) {
            if (element instanceof MountEntry entry
                    && (MountedDisk.FILE.equals(entry.type()) || MountedDisk.DIRECTORY.equals(entry.type()))) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private String[] downloadToTemporaryFolder(List<MountEntry> entries) {
        MountedDisk mounted = disk.get();
        if (mounted == null || entries.isEmpty()) {
            return new String[0];
        }
        List<Path> written = new ArrayList<>();
        try {
            Path folder = Files.createTempDirectory("bulwark-drag-");
            temporaryFolders.add(folder);
            Downloader downloader = new Downloader(mounted, partition.get(), new TargetFolder(folder, existing -> Conflict.KEEP_BOTH));
            new ProgressMonitorDialog(viewer.getControl().getShell()).run(true, true, monitor -> {
                monitor.beginTask("Downloading " + entries.size() + " item(s) for the drop", Downloader.work(entries));
                try {
                    written.addAll(downloader.download(entries, monitor).written());
                } catch (OperationCanceledException e) {
                    throw new InterruptedException("cancelled");
                } catch (IOException | RuntimeException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            MessageDialog.openError(viewer.getControl().getShell(), "Download failed", e.getCause().getMessage());
            return new String[0];
        } catch (InterruptedException | IOException e) {
            return new String[0]; // cancelled, or no temporary folder: nothing is dropped
        }
        return written.stream().map(Path::toString).toArray(String[]::new);
    }
}
