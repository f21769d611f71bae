package org.bulwark.console.parts;

import jakarta.inject.Inject;
import java.util.List;
import org.bulwark.api.Node;
import org.bulwark.api.NodeState;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.widgets.Composite;

/** The enrolled nodes with their state, load, capacity and pinned host key, refreshed every two seconds. */
public final class NodesPart extends LiveTablePart<Node> {

    @Inject
    public NodesPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<Node> createTable(Composite parent) {
        RecordTable<Node> table = new RecordTable<>(parent, Node.class, Node::id, ConsoleIds.NODES_TABLE, ConsoleIds.NODES_STATUS);
        table.column("Name", 140, Node::name);
        table.column("Host", 140, node -> node.host() + ":" + node.sshPort());
        table.column("State", 100, node -> Format.text(node.state()));
        table.column("Version", 90, node -> Format.text(node.version()));
        table.column("Capacity", 70, node -> Integer.toString(node.capacity()));
        table.column("Running", 70, node -> Integer.toString(node.runningTasks()));
        table.column("Last seen", 150, node -> Format.time(node.lastSeen()));
        table.column("Message", 260, node -> Format.text(node.statusMessage()));
        table.column("Host key", 300, node -> Format.text(node.hostKeyFingerprint()));
        return table;
    }

    @Override
    List<Node> fetch(BulwarkClient client) {
        return client.nodes().list();
    }

    @Override
    String summary(List<Node> nodes) {
        return count(nodes.size(), "node") + ", " + nodes.stream().filter(node -> node.state() == NodeState.ONLINE).count() + " online";
    }
}
