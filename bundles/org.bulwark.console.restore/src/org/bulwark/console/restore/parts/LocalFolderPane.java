package org.bulwark.console.restore.parts;

import static org.bulwark.console.ConsoleIds.mark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.bulwark.api.MountEntry;
import org.bulwark.client.Sizes;
import org.bulwark.console.restore.RestoreIds;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;

/**
 * A folder on the operator's computer as a tree, beside the backup's files: entries dragged
 * from the backup and dropped on it (on a sub-folder, or anywhere for the folder itself) are
 * downloaded there.
 */
final class LocalFolderPane {
    private static final Comparator<Path> FOLDERS_FIRST = Comparator.comparing((Path path) -> !Files.isDirectory(path))
            .thenComparing(path -> path.getFileName().toString(), String.CASE_INSENSITIVE_ORDER);

    private final Text folderText;
    private final TreeViewer tree;
    private final Label status;
    private Path folder;

    /**
     * @param dropped told on the UI thread which entries were dropped into which local folder
     */
    LocalFolderPane(Composite parent, BiConsumer<Path, List<MountEntry>> dropped) {
        Composite pane = new Composite(parent, SWT.NONE);
        pane.setLayout(new GridLayout(3, false));
        new Label(pane, SWT.NONE).setText("Local folder:");
        folderText = mark(new Text(pane, SWT.BORDER | SWT.SINGLE), RestoreIds.LOCAL_FOLDER);
        folderText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        folderText.setMessage("a folder on this computer; Enter to open it");
        folderText.addListener(SWT.DefaultSelection, event -> open(folderText.getText().strip()));
        Button choose = mark(new Button(pane, SWT.PUSH), RestoreIds.LOCAL_CHOOSE);
        choose.setText("Choose…");
        choose.addListener(SWT.Selection, event -> {
            DirectoryDialog dialog = new DirectoryDialog(pane.getShell());
            dialog.setText("Local folder for downloads");
            String chosen = dialog.open();
            if (chosen != null) {
                folderText.setText(chosen);
                open(chosen);
            }
        });
        tree = new TreeViewer(pane, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
        mark(tree.getTree(), RestoreIds.LOCAL_TREE);
        tree.getTree().setHeaderVisible(true);
        tree.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        tree.setContentProvider(new LocalContent());
        column("Name", 220, path -> path.getFileName().toString());
        column("Size", 80, path -> Files.isDirectory(path) ? "" : Sizes.bytes(size(path)));
        status = mark(new Label(pane, SWT.WRAP), RestoreIds.LOCAL_STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        status.setText("Choose a local folder, then drag files and folders of the backup onto it.");
        acceptDrops(dropped);
    }

    /** The local folder shown, or {@code null} before the operator chose one. */
    Path folder() {
        return folder;
    }

    /** Reads the local folder again, e.g. after a download into it. */
    void refresh() {
        if (!tree.getTree().isDisposed()) {
            tree.refresh();
        }
    }

    void showStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    private void open(String text) {
        Path chosen = Path.of(text);
        if (!chosen.isAbsolute() || !Files.isDirectory(chosen)) {
            showStatus("'" + text + "' is not an existing folder (give its absolute path).");
            return;
        }
        folder = chosen.toAbsolutePath().normalize();
        tree.setInput(folder);
        showStatus("Drop files and folders of the backup here to download them into " + folder + ".");
    }

    private void acceptDrops(BiConsumer<Path, List<MountEntry>> dropped) {
        DropTarget target = new DropTarget(tree.getTree(), DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {LocalSelectionTransfer.getTransfer()});
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = folder != null && !entries().isEmpty() ? DND.DROP_COPY : DND.DROP_NONE;
            }

            @Override
            public void dragOver(DropTargetEvent event) {
                event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
                event.detail = folder != null && !entries().isEmpty() ? DND.DROP_COPY : DND.DROP_NONE;
            }

            @Override
            public void dragOperationChanged(DropTargetEvent event) {
                dragEnter(event);
            }

            @Override
            public void drop(DropTargetEvent event) {
                List<MountEntry> entries = entries();
                if (folder == null || entries.isEmpty()) {
                    event.detail = DND.DROP_NONE;
                    return;
                }
                Path into = folder;
                if (event.item instanceof TreeItem item && item.getData() instanceof Path path) {
                    into = Files.isDirectory(path) ? path : path.getParent();
                }
                dropped.accept(into, entries);
            }
        });
    }

    /** The backup's entries being dragged, if the drag comes from a file browser. */
    private static List<MountEntry> entries() {
        if (LocalSelectionTransfer.getTransfer().getSelection() instanceof IStructuredSelection selection) {
            List<?> all = selection.toList();
            if (!all.isEmpty() && all.stream().allMatch(MountEntry.class::isInstance)) {
                return all.stream().map(MountEntry.class::cast).toList();
            }
        }
        return List.of();
    }

    private void column(String title, int width, java.util.function.Function<Path, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(tree, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Path path ? text.apply(path) : "";
            }
        });
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The children of a local folder, folders first, read when shown. */
    private static final class LocalContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return getChildren(input);
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (!(parent instanceof Path dir) || !Files.isDirectory(dir)) {
                return new Object[0];
            }
            try (Stream<Path> children = Files.list(dir)) {
                return children.filter(path -> !path.getFileName().toString().endsWith(".part")).sorted(FOLDERS_FIRST).toArray();
            } catch (IOException e) {
                return new Object[0];
            }
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof Path path ? path.getParent() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Path path && Files.isDirectory(path);
        }
    }
}
