package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bulwark.api.Destination;
import org.bulwark.api.DestinationRequest;
import org.bulwark.api.Node;
import org.bulwark.api.rest.DestinationResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.client.Sizes;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The backup destinations: named repository folders on nodes, each with its restore points, the
 * data they hold against what it takes after deduplication and compression (as a bar), and the
 * policies that back up into it. Administrators add and remove them here; a refusal (a name in
 * use, a destination a policy still uses) is said above the table and the form keeps its input.
 */
public final class DestinationsPart extends LiveTablePart<Destination> {
    private static final int STORED_COLUMN = 4;
    private static final Color STORED = new Color(0x9c, 0xc3, 0xf0);

    private Text name;
    private Combo node;
    private Text folder;
    private Label message;
    private RecordTable<Destination> table;
    private volatile List<Node> nodes = List.of();

    @Inject
    public DestinationsPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<Destination> createTable(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(8, false));
        new Label(form, SWT.NONE).setText("Destination:");
        name = mark(new Text(form, SWT.BORDER), ConsoleIds.DESTINATION_NAME);
        name.setMessage("name");
        name.setLayoutData(new GridData(120, SWT.DEFAULT));
        new Label(form, SWT.NONE).setText("on node:");
        node = mark(new Combo(form, SWT.READ_ONLY), ConsoleIds.DESTINATION_NODE);
        node.setLayoutData(new GridData(110, SWT.DEFAULT));
        new Label(form, SWT.NONE).setText("folder:");
        folder = mark(new Text(form, SWT.BORDER), ConsoleIds.DESTINATION_FOLDER);
        folder.setMessage("/absolute/path/on/the/node");
        folder.setLayoutData(new GridData(200, SWT.DEFAULT));
        Button add = mark(new Button(form, SWT.PUSH), ConsoleIds.DESTINATION_ADD);
        add.setText("Add");
        add.addListener(SWT.Selection, event -> add());
        Button remove = mark(new Button(form, SWT.PUSH), ConsoleIds.DESTINATION_REMOVE);
        remove.setText("Remove selected");
        remove.setToolTipText("Forget the selected destination; its data stays on the node");
        remove.addListener(SWT.Selection, event -> remove());
        message = mark(new Label(parent, SWT.WRAP), ConsoleIds.DESTINATION_MESSAGE);
        table = new RecordTable<>(parent, Destination.class, Destination::id, ConsoleIds.DESTINATIONS_TABLE,
                ConsoleIds.DESTINATIONS_STATUS);
        form.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table.column("Name", 130, Destination::name);
        table.column("Node", 110, destination -> Format.text(destination.nodeName()));
        table.column("Folder", 200, Destination::folder);
        table.column("Restore points", 100, destination -> Integer.toString(destination.restorePoints()));
        table.column("Stored of backed-up data", 260, DestinationsPart::stored);
        table.column("Reduction", 80, DestinationsPart::reduction);
        table.column("Used by", 200, destination -> String.join(", ", destination.usedBy()));
        ProgressBars.draw(table.table(), STORED_COLUMN, Destination.class, DestinationsPart::storedPercent,
                destination -> STORED);
        return table;
    }

    /** The usage bar's text, e.g. {@code 1.2 GiB of 3.9 GiB (31 %)}. */
    static String stored(Destination destination) {
        return Sizes.bytes(destination.storedBytes()) + " of " + Sizes.bytes(destination.logicalBytes()) + " ("
                + storedPercent(destination) + " %)";
    }

    /** What the stored bytes are of the backed-up ones, in percent (the bar's length). */
    static int storedPercent(Destination destination) {
        return destination.logicalBytes() == 0 ? 0
                : (int) Math.round(100.0 * destination.storedBytes() / destination.logicalBytes());
    }

    /** The data reduction, e.g. {@code 3.2×}; empty while nothing is stored. */
    static String reduction(Destination destination) {
        return destination.storedBytes() == 0 ? "" : String.format(Locale.ROOT, "%.1f×", destination.reductionRatio());
    }

    private void add() {
        int chosen = node.getSelectionIndex();
        List<Node> known = nodes;
        String typed = name.getText().strip();
        if (typed.isEmpty() || chosen < 0 || chosen >= known.size() || folder.getText().isBlank()) {
            say("Enter a name, choose the node and enter the folder on it.");
            return;
        }
        DestinationRequest request = new DestinationRequest(typed, known.get(chosen).id(), folder.getText().strip());
        call("Adding destination " + typed, client -> client.resource(DestinationResource.class).add(request), () -> {
            say("Added " + typed + ".");
            name.setText("");
            folder.setText("");
        });
    }

    private void remove() {
        if (!(table.selected() instanceof Destination destination)) {
            say("Select the destination to remove.");
            return;
        }
        call("Removing destination " + destination.name(), client -> {
            client.resource(DestinationResource.class).remove(destination.id());
            return null;
        }, () -> say("Removed " + destination.name() + "."));
    }

    /** Calls the server in a job; the form keeps what was typed unless the call succeeded. */
    private void call(String title, Function<BulwarkClient, Object> call, Runnable succeeded) {
        say(title + "…");
        change(title, call, succeeded, failure -> say(ErrorMessages.describe(failure)));
    }

    private void say(String text) {
        if (!message.isDisposed()) {
            message.setText(text);
            message.getParent().layout(true, true);
        }
    }

    @Override
    List<Destination> fetch(BulwarkClient client) {
        nodes = client.nodes().list();
        return client.resource(DestinationResource.class).list();
    }

    @Override
    void shown(List<Destination> destinations) {
        List<String> names = nodes.stream().map(Node::name).toList();
        if (!names.equals(List.of(node.getItems()))) {
            String chosen = node.getText();
            node.setItems(names.toArray(String[]::new));
            node.select(Math.max(0, names.indexOf(chosen)));
        }
    }

    @Override
    String summary(List<Destination> destinations) {
        return count(destinations.size(), "destination") + ", " + Sizes.bytes(destinations.stream()
                .mapToLong(Destination::storedBytes).sum()) + " stored";
    }
}
