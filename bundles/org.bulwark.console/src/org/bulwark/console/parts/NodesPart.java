package org.bulwark.console.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import org.bulwark.api.Node;
import org.bulwark.api.NodeState;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.widgets.Composite;

/** The enrolled nodes with their state and load, refreshed every two seconds. */
public final class NodesPart {
    static final long REFRESH_MILLIS = 2000;

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final ESelectionService selection;
    private RecordTable<Node> table;
    private RefreshJob<List<Node>> refresh;

    @Inject
    public NodesPart(ConsoleSession session, UISynchronize ui, ESelectionService selection) {
        this.session = session;
        this.ui = ui;
        this.selection = selection;
    }

    @PostConstruct
    void create(Composite parent) {
        table = new RecordTable<>(parent, Node.class, Node::id, ConsoleIds.NODES_TABLE, ConsoleIds.NODES_STATUS);
        table.column("Name", 140, Node::name);
        table.column("Host", 140, node -> node.host() + ":" + node.sshPort());
        table.column("State", 100, node -> Format.text(node.state()));
        table.column("Version", 90, node -> Format.text(node.version()));
        table.column("Capacity", 70, node -> Integer.toString(node.capacity()));
        table.column("Running", 70, node -> Integer.toString(node.runningTasks()));
        table.column("Last seen", 150, node -> Format.time(node.lastSeen()));
        table.column("Message", 260, node -> Format.text(node.statusMessage()));
        table.onSelection(selection::setSelection);
        refresh = new RefreshJob<>("Refreshing nodes", REFRESH_MILLIS, ui,
                () -> session.call(client -> client.nodes().list()), this::show, table::showFailure);
        refresh.schedule();
    }

    private void show(List<Node> nodes) {
        long online = nodes.stream().filter(node -> node.state() == NodeState.ONLINE).count();
        table.show(nodes, nodes.size() + (nodes.size() == 1 ? " node, " : " nodes, ") + online + " online");
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    @PreDestroy
    void dispose() {
        refresh.stop();
    }
}
