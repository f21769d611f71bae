package org.bulwark.console.restore.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bulwark.api.ApiException;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.MountPartition;
import org.bulwark.api.RestorePoint;
import org.bulwark.client.Sizes;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.parts.Format;
import org.bulwark.console.restore.RestoreIds;
import org.bulwark.console.restore.jobs.DownloadJob;
import org.bulwark.console.restore.model.Downloader;
import org.bulwark.console.restore.model.MountedDisk;
import org.bulwark.console.restore.model.TargetFolder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * File-level restore: one restore point mounted on its node, its partitions, a folder tree
 * and the entries of the chosen folder (name, size, modified, type), read from the server
 * folder by folder as the operator opens them; a search over the whole partition on the
 * server; downloads of the selected entries as jobs, by button or by dragging them onto the
 * desktop or the local-folder pane beside. The restore point comes in the part's transient
 * data under {@link #RESTORE_POINT}; closing the part unmounts.
 */
public final class FileBrowserPart {
    /** Key of the {@link RestorePoint} in the part's transient data. */
    public static final String RESTORE_POINT = RestorePoint.class.getName();

    private final ConsoleSession session;
    private final UISynchronize ui;
    private RestorePoint point;
    private volatile MountedDisk disk;
    private volatile boolean closed;
    private List<MountPartition> partitions = List.of();
    private int partition;
    /** The folder whose entries the table shows (or will, once read); {@code null} while it shows search results. */
    private FolderNode shown;
    private Label status;
    private Label showing;
    private Combo partitionChoice;
    private Text search;
    private TreeViewer folders;
    private TableViewer entries;
    private LocalFolderPane local;
    private EntryDrag drag;

    @jakarta.inject.Inject
    public FileBrowserPart(ConsoleSession session, UISynchronize ui) {
        this.session = session;
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent, MPart part) {
        point = (RestorePoint) part.getTransientData().get(RESTORE_POINT);
        parent.setLayout(new GridLayout(1, false));
        status = mark(new Label(parent, SWT.WRAP), RestoreIds.BROWSER_STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        showing = mark(new Label(parent, SWT.NONE), RestoreIds.BROWSER_SHOWING);
        showing.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(5, false));
        new Label(bar, SWT.NONE).setText("Partition:");
        partitionChoice = mark(new Combo(bar, SWT.READ_ONLY), RestoreIds.BROWSER_PARTITIONS);
        partitionChoice.addListener(SWT.Selection, event -> choosePartition(partitionChoice.getSelectionIndex()));
        search = mark(new Text(bar, SWT.SINGLE | SWT.BORDER), RestoreIds.BROWSER_SEARCH); // GTK's search entry does not take posted key strokes
        search.setMessage("Search names in the partition (Enter)");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.DefaultSelection, event -> search(search.getText().strip()));
        Button download = mark(new Button(bar, SWT.PUSH), RestoreIds.BROWSER_DOWNLOAD);
        download.setText("Download…");
        download.setToolTipText("Download the selected files and folders into a local folder");
        download.addListener(SWT.Selection, event -> chooseFolderAndDownload());
        new Label(bar, SWT.NONE);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createFolderTree(sash);
        createEntryTable(sash);
        local = new LocalFolderPane(sash, this::download);
        sash.setWeights(20, 50, 30);
        drag = EntryDrag.install(entries, () -> disk, () -> partition);
        mount();
    }

    private void createFolderTree(Composite parent) {
        folders = new TreeViewer(parent, SWT.BORDER | SWT.SINGLE);
        mark(folders.getTree(), RestoreIds.BROWSER_FOLDERS);
        folders.setUseHashlookup(true);
        folders.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return input instanceof FolderNode[] roots ? roots : new Object[0];
            }

            @Override
            public Object[] getChildren(Object parent) {
                if (parent instanceof FolderNode node) {
                    load(node);
                    return node.children().toArray();
                }
                return new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof FolderNode node ? node.parent() : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof FolderNode node && (!node.loaded() || !node.children().isEmpty());
            }
        });
        folders.setLabelProvider(new LabelProvider());
        folders.addSelectionChangedListener(event -> {
            if (event.getStructuredSelection().getFirstElement() instanceof FolderNode node) {
                showFolder(node);
            }
        });
    }

    private void createEntryTable(Composite parent) {
        entries = new TableViewer(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
        mark(entries.getTable(), RestoreIds.BROWSER_ENTRIES);
        entries.getTable().setHeaderVisible(true);
        entries.getTable().setLinesVisible(true);
        entries.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 200, MountEntry::name);
        column("Size", 80, entry -> MountedDisk.DIRECTORY.equals(entry.type()) ? "" : Sizes.bytes(entry.size()));
        column("Modified", 140, entry -> Format.time(entry.modified()));
        column("Type", 80, MountEntry::type);
        column("Path", 260, MountEntry::path);
        entries.addDoubleClickListener(event -> {
            if (entries.getStructuredSelection().getFirstElement() instanceof MountEntry entry
                    && MountedDisk.DIRECTORY.equals(entry.type())) {
                open(entry);
            }
        });
    }

    private void column(String title, int width, java.util.function.Function<MountEntry, String> text) {
        TableViewerColumn column = new TableViewerColumn(entries, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setMoveable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof MountEntry entry ? text.apply(entry) : "";
            }
        });
    }

    private void mount() {
        showStatus("Mounting " + describe(point) + " on node " + Format.text(point.nodeName()) + "…");
        ConsoleJob.of("Mount " + point.vmName(), monitor -> {
            monitor.beginTask("Mount " + point.vmName(), 100);
            try {
                MountedDisk mounted = MountedDisk.mount(session, point, monitor);
                if (closed) {
                    unmount(mounted); // the part closed while mounting
                    return;
                }
                disk = mounted;
                ui.asyncExec(() -> mounted(mounted.mount()));
            } catch (ApiException e) {
                showStatusLater("Cannot mount " + describe(point) + ": " + e.getMessage());
            } catch (OperationCanceledException e) {
                showStatusLater("Mounting " + describe(point) + " was cancelled.");
            }
        }).schedule();
    }

    private void mounted(Mount mount) {
        if (status.isDisposed()) {
            return;
        }
        partitions = mount.partitions();
        partitionChoice.setItems(partitions.stream().map(FileBrowserPart::describe).toArray(String[]::new));
        partitionChoice.getParent().layout();
        showStatus("Mounted disk " + mount.disk() + " (" + Sizes.bytes(mount.size()) + ") of " + describe(point) + " on node "
                + Format.text(mount.nodeName()) + ": " + partitions.size() + " partition" + (partitions.size() == 1 ? "" : "s") + ".");
        int browsable = 0;
        while (browsable < partitions.size() && !isBrowsable(partitions.get(browsable))) {
            browsable++;
        }
        if (browsable < partitions.size()) {
            partitionChoice.select(browsable);
            choosePartition(browsable);
        } else {
            showStatus(status.getText() + " None has a file system that can be browsed.");
        }
    }

    private void choosePartition(int index) {
        if (index < 0 || index >= partitions.size()) {
            return;
        }
        MountPartition chosen = partitions.get(index);
        if (!isBrowsable(chosen)) {
            entries.setInput(List.of());
            folders.setInput(null);
            showStatus("Partition " + chosen.number() + " has no file system that can be browsed (" + chosen.fileSystem() + ").");
            return;
        }
        partition = chosen.number();
        FolderNode root = FolderNode.root();
        folders.setInput(new FolderNode[] {root}); // the input is not the root: the viewer would take the root for the tree itself
        folders.expandToLevel(root, 1); // reads / at once
        folders.setSelection(new StructuredSelection(root), true);
        showFolder(root);
    }

    /** Reads a folder's entries from the server, once, and shows them where they belong. */
    private void load(FolderNode node) {
        MountedDisk mounted = disk;
        if (mounted == null || !node.startLoading()) {
            return;
        }
        int of = partition;
        ConsoleJob job = ConsoleJob.of("Read " + node.path(), monitor -> {
            try {
                List<MountEntry> read = mounted.list(of, node.path());
                ui.asyncExec(() -> {
                    node.loaded(read);
                    if (!folders.getTree().isDisposed()) {
                        folders.refresh(node);
                        if (node.parent() == null) {
                            folders.expandToLevel(node, 1); // the root opens with its folders
                        }
                        if (shown == node) {
                            folders.setSelection(new StructuredSelection(node), true);
                            showFolder(node);
                        }
                    }
                });
            } catch (ApiException e) {
                ui.asyncExec(node::failed);
                showStatusLater("Cannot read " + node.path() + ": " + e.getMessage());
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void showFolder(FolderNode node) {
        shown = node;
        if (!node.loaded()) {
            load(node);
            entries.setInput(List.of());
            showShowing("Reading " + node.path() + "…");
            return;
        }
        entries.setInput(node.entries());
        showShowing(node.path() + ": " + count(node.entries().size(), "entry", "entries"));
    }

    /** Opens a sub-folder chosen in the table, in the tree. */
    private void open(MountEntry folder) {
        if (folders.getStructuredSelection().getFirstElement() instanceof FolderNode node && node.child(folder.path()) != null) {
            folders.setSelection(new StructuredSelection(node.child(folder.path())), true);
        }
    }

    private void search(String namePart) {
        MountedDisk mounted = disk;
        if (mounted == null) {
            return;
        }
        if (namePart.isEmpty()) {
            if (folders.getStructuredSelection().getFirstElement() instanceof FolderNode node) {
                showFolder(node);
            }
            return;
        }
        int of = partition;
        showShowing("Searching '" + namePart + "'…");
        ConsoleJob.of("Search '" + namePart + "'", monitor -> {
            try {
                List<MountEntry> found = mounted.search(of, namePart);
                ui.asyncExec(() -> {
                    if (!entries.getTable().isDisposed()) {
                        shown = null;
                        entries.setInput(found);
                        showShowing(count(found.size(), "entry", "entries") + " named like '" + namePart + "'"
                                + (found.size() >= MountedDisk.SEARCH_LIMIT ? " (the first " + MountedDisk.SEARCH_LIMIT + ")" : "") + ".");
                    }
                });
            } catch (ApiException e) {
                showStatusLater("Search failed: " + e.getMessage());
            }
        }).schedule();
    }

    private void chooseFolderAndDownload() {
        List<MountEntry> selected = entries.getStructuredSelection().toList().stream()
                .filter(MountEntry.class::isInstance).map(MountEntry.class::cast).toList();
        if (selected.isEmpty() || disk == null) {
            showStatus("Select the files and folders to download first.");
            return;
        }
        DirectoryDialog dialog = new DirectoryDialog(entries.getControl().getShell());
        dialog.setText("Download into");
        String folder = dialog.open();
        if (folder != null) {
            download(Path.of(folder), selected);
        }
    }

    /** Downloads {@code selected} into {@code folder} as a job; conflicts are asked. */
    private void download(Path folder, List<MountEntry> selected) {
        MountedDisk mounted = disk;
        if (mounted == null) {
            return;
        }
        TargetFolder target;
        try {
            target = new TargetFolder(folder, ConflictDialog.asking(entries.getControl().getShell()));
        } catch (IOException e) {
            showStatus("Cannot download into " + folder + ": " + e.getMessage());
            return;
        }
        String name = "Download " + (selected.size() == 1 ? selected.getFirst().name() : selected.size() + " items") + " to " + folder;
        local.showStatus(name + "…");
        new DownloadJob(name, new Downloader(mounted, partition, target), selected,
                outcome -> ui.asyncExec(() -> {
                    local.refresh();
                    local.showStatus(name + ": " + outcome.summary() + ".");
                }),
                failure -> ui.asyncExec(() -> {
                    local.refresh();
                    local.showStatus(failure);
                    MessageDialog.openError(entries.getControl().getShell(), "Download failed", failure);
                })).schedule();
    }

    /** Shows what happened to the mount (mounting, mounted, failures). */
    private void showStatus(String text) {
        show(status, text);
    }

    /** Shows what the entries table holds (a folder, search results). */
    private void showShowing(String text) {
        show(showing, text);
    }

    private static void show(Label label, String text) {
        if (!label.isDisposed()) {
            label.setText(text);
            label.getParent().layout();
        }
    }

    private void showStatusLater(String text) {
        ui.asyncExec(() -> showStatus(text));
    }

    private void unmount(MountedDisk mounted) {
        ConsoleJob.of("Unmount " + point.vmName(), monitor -> {
            try {
                mounted.unmount();
            } catch (ApiException e) {
                throw new CoreException(Status.error("Cannot unmount " + describe(point) + ": " + e.getMessage(), e));
            }
        }).schedule();
    }

    @Focus
    void focus() {
        entries.getTable().setFocus();
    }

    @PreDestroy
    void dispose() {
        closed = true;
        MountedDisk mounted = disk;
        disk = null;
        if (mounted != null) {
            unmount(mounted);
        }
        if (drag != null) {
            drag.dispose();
        }
    }

    private static boolean isBrowsable(MountPartition partition) {
        return partition.fileSystem() != null && partition.fileSystem().startsWith("ext");
    }

    private static String describe(RestorePoint point) {
        return point.vmName() + " as of " + Format.time(point.createdAt());
    }

    private static String describe(MountPartition partition) {
        return (partition.number() == 0 ? "whole disk" : "#" + partition.number()) + " " + partition.fileSystem() + " ("
                + Sizes.bytes(partition.length()) + ")" + (partition.name() == null || partition.name().isEmpty() ? "" : " " + partition.name());
    }

    private static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
