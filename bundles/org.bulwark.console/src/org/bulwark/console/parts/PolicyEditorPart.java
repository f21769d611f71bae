package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Schedule;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.VmRules;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The form editor of one policy (a new one when the part carries none): name, VMs chosen by
 * hand, rules by name pattern and tag with a live preview of the VMs they cover, destination,
 * passphrase file, schedules (each with an optional time window) checked by the server with their
 * next runs, retention by count, age and GFS (daily/weekly/monthly/yearly), pre/post commands run
 * on the node around each VM's export (one argument per line, no shell) and whether it is enabled.
 * Every server call runs in a job; a refusal is shown above the form and nothing typed is lost.
 */
public final class PolicyEditorPart {
    /** The part descriptor that makes policy editors. */
    public static final String DESCRIPTOR = "org.bulwark.console.partdescriptor.policyEditor";
    /** Transient data key of the part: the {@link Policy} it edits, absent for a new one. */
    public static final String POLICY = "org.bulwark.console.policy";
    /** Templates of the schedule kinds, put into the schedule field by their buttons. */
    static final String DAILY = "daily 02:00";
    static final String WEEKLY = "weekly MON,THU 02:00";
    static final String CRON = "0 2 * * *";
    private static final int PREVIEW_RUNS = 5;
    /** Widget ids of the GFS retention, schedule window and pre/post command fields. */
    public static final String KEEP_DAILY = "policy.keepDaily";
    public static final String KEEP_WEEKLY = "policy.keepWeekly";
    public static final String KEEP_MONTHLY = "policy.keepMonthly";
    public static final String KEEP_YEARLY = "policy.keepYearly";
    public static final String WINDOW = "policy.window";
    public static final String PRE_COMMAND = "policy.preCommand";
    public static final String POST_COMMAND = "policy.postCommand";
    public static final String COMMAND_TIMEOUT = "policy.commandTimeout";
    private static final Pattern WINDOW_FORM = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d-([01]?\\d|2[0-3]):[0-5]\\d");

    private final ConsoleSession session;
    private ScrolledComposite scroller;
    private final UISynchronize ui;
    private final IEventBroker events;
    private final MPart part;
    private UUID id;
    private List<Vm> inventory = List.of();
    private final Set<UUID> chosen = new LinkedHashSet<>();
    private Label message;
    private Text name;
    private Button enabled;
    private Text destination;
    private Text passphraseFile;
    private Table available;
    private Table chosenTable;
    private Text patterns;
    private Text tags;
    private Label matched;
    private org.eclipse.swt.widgets.List schedules;
    private Text schedule;
    private Label nextRuns;
    private Text keepLast;
    private Text keepDays;
    private Text keepDaily;
    private Text keepWeekly;
    private Text keepMonthly;
    private Text keepYearly;
    private Text window;
    private Text preCommand;
    private Text postCommand;
    private Text commandTimeout;
    private Text fullEvery;

    @Inject
    public PolicyEditorPart(ConsoleSession session, UISynchronize ui, IEventBroker events, MPart part) {
        this.session = session;
        this.ui = ui;
        this.events = events;
        this.part = part;
    }

    @PostConstruct
    void create(Composite container) {
        container.setLayout(new FillLayout());
        scroller = new ScrolledComposite(container, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setShowFocusedControl(true);
        Composite parent = new Composite(scroller, SWT.NONE);
        scroller.setContent(parent);
        scroller.addListener(SWT.Resize, event -> fit());
        parent.setLayout(new GridLayout(4, false));
        message = mark(new Label(parent, SWT.WRAP), ConsoleIds.POLICY_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        name = field(parent, "Name:", ConsoleIds.POLICY_NAME, "e.g. nightly-web");
        enabled = mark(new Button(parent, SWT.CHECK), ConsoleIds.POLICY_ENABLED);
        enabled.setText("Enabled");
        enabled.setSelection(true);
        enabled.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        destination = field(parent, "Destination:", ConsoleIds.POLICY_DESTINATION, "repository folder on the node, e.g. /backups");
        passphraseFile = field(parent, "Passphrase file:", ConsoleIds.POLICY_PASSPHRASE_FILE, "file on the node holding the passphrase");
        createVmChooser(parent);
        patterns = field(parent, "Name patterns:", ConsoleIds.POLICY_PATTERNS, "e.g. web-*, db-?  (* any run, ? one character)");
        tags = field(parent, "Tags:", ConsoleIds.POLICY_TAGS, "VMs with any of these tags, e.g. prod");
        patterns.addModifyListener(event -> preview());
        tags.addModifyListener(event -> preview());
        matched = mark(new Label(parent, SWT.WRAP), ConsoleIds.POLICY_MATCHED);
        matched.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        createSchedules(parent);
        keepLast = number(parent, "Keep last:", ConsoleIds.POLICY_KEEP_LAST, "restore points per VM (0: no count rule)");
        keepDays = number(parent, "Keep days:", ConsoleIds.POLICY_KEEP_DAYS, "days (0: no age rule)");
        new Label(parent, SWT.NONE).setText("Keep newest of:");
        Composite gfs = row(parent, 8);
        keepDaily = small(gfs, "days", KEEP_DAILY, "the newest point of each of the newest N days that have points (0: off)");
        keepWeekly = small(gfs, "weeks", KEEP_WEEKLY, "the newest point of each of the newest N ISO weeks (0: off)");
        keepMonthly = small(gfs, "months", KEEP_MONTHLY, "the newest point of each of the newest N months (0: off)");
        keepYearly = small(gfs, "years", KEEP_YEARLY, "the newest point of each of the newest N years (0: off)");
        fullEvery = number(parent, "Full every:", ConsoleIds.POLICY_FULL_EVERY, "N-th backup (0: incremental when possible)");
        new Label(parent, SWT.NONE).setText("Commands:");
        Composite commands = row(parent, 3);
        preCommand = command(commands, PRE_COMMAND,
                "pre: run on the node before each VM's export; one argument per line, the program's absolute path first");
        postCommand = command(commands, POST_COMMAND,
                "post: run on the node after each VM's backup, whatever its outcome; one argument per line");
        commandTimeout = small(commands, null, COMMAND_TIMEOUT, "seconds each command may run (0: 600)");
        Button save = mark(new Button(parent, SWT.PUSH), ConsoleIds.POLICY_SAVE);
        save.setText("Save policy");
        save.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 4, 1));
        save.addListener(SWT.Selection, event -> save());
        if (part.getTransientData().get(POLICY) instanceof Policy policy) {
            fill(policy);
        }
        run("Loading the VMs for the policy form", client -> client.resource(VmResource.class).list(), vms -> {
            inventory = vms;
            showVms();
        });
    }

    private void createVmChooser(Composite parent) {
        new Label(parent, SWT.NONE).setText("VMs:");
        available = vmTable(parent, ConsoleIds.POLICY_VMS_AVAILABLE, "Inventory");
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(1, true));
        Button choose = mark(new Button(buttons, SWT.PUSH), ConsoleIds.POLICY_VMS_CHOOSE);
        choose.setText("Choose →");
        choose.addListener(SWT.Selection, event -> move(available, true));
        Button remove = mark(new Button(buttons, SWT.PUSH), ConsoleIds.POLICY_VMS_REMOVE);
        remove.setText("← Remove");
        remove.addListener(SWT.Selection, event -> move(chosenTable, false));
        chosenTable = vmTable(parent, ConsoleIds.POLICY_VMS_CHOSEN, "Chosen by hand");
    }

    private static Table vmTable(Composite parent, String id, String title) {
        Table table = mark(new Table(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION), id);
        table.setHeaderVisible(true);
        new org.eclipse.swt.widgets.TableColumn(table, SWT.LEFT).setText(title);
        table.getColumn(0).setWidth(220);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 110;
        table.setLayoutData(data);
        return table;
    }

    private void createSchedules(Composite parent) {
        new Label(parent, SWT.NONE).setText("Schedules (UTC):");
        schedule = mark(new Text(parent, SWT.BORDER), ConsoleIds.POLICY_SCHEDULE);
        schedule.setMessage("daily HH:MM, weekly MON,TUE HH:MM, monthly D HH:MM or cron m h dom mon dow");
        schedule.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite kinds = new Composite(parent, SWT.NONE);
        kinds.setLayout(new GridLayout(5, false));
        kinds.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
        template(kinds, "Daily", DAILY);
        template(kinds, "Weekly", WEEKLY);
        template(kinds, "Cron", CRON);
        window = mark(new Text(kinds, SWT.BORDER), WINDOW);
        window.setMessage("window 22:00-06:00");
        window.setToolTipText("Optional window HH:MM-HH:MM (UTC, may cross midnight) added to the schedule: runs outside"
                + " it wait for it, backups still queued when it closes are not started");
        window.setLayoutData(new GridData(120, SWT.DEFAULT));
        Button add = mark(new Button(kinds, SWT.PUSH), ConsoleIds.POLICY_SCHEDULE_ADD);
        add.setText("Add");
        add.addListener(SWT.Selection, event -> addSchedule());
        new Label(parent, SWT.NONE);
        schedules = mark(new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.SINGLE), ConsoleIds.POLICY_SCHEDULES);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, false);
        listData.heightHint = 60;
        schedules.setLayoutData(listData);
        schedules.addListener(SWT.Selection, event -> {
            if (schedules.getSelectionIndex() >= 0) {
                previewRuns(schedules.getItem(schedules.getSelectionIndex()));
            }
        });
        Button remove = new Button(parent, SWT.PUSH);
        remove.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false, 2, 1));
        remove.setText("Remove schedule");
        remove.addListener(SWT.Selection, event -> {
            if (schedules.getSelectionIndex() >= 0) {
                schedules.remove(schedules.getSelectionIndex());
                nextRuns.setText("");
            }
        });
        new Label(parent, SWT.NONE);
        nextRuns = mark(new Label(parent, SWT.WRAP), ConsoleIds.POLICY_NEXT_RUNS);
        nextRuns.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
    }

    private void template(Composite parent, String label, String expression) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setToolTipText("Start from " + expression);
        button.addListener(SWT.Selection, event -> {
            schedule.setText(expression);
            schedule.setFocus();
        });
    }

    private static Text field(Composite parent, String label, String id, String hint) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = mark(new Text(parent, SWT.BORDER), id);
        text.setMessage(hint);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, label.equals("Name:") ? 1 : 3, 1));
        return text;
    }

    /** A row spanning the form's other columns, for several small fields. */
    private static Composite row(Composite parent, int columns) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return row;
    }

    /** A short number field, followed by {@code unit} when given. */
    private static Text small(Composite row, String unit, String id, String hint) {
        Text text = digits(mark(new Text(row, SWT.BORDER), id));
        text.setToolTipText(hint);
        text.setLayoutData(new GridData(48, SWT.DEFAULT));
        if (unit != null) {
            new Label(row, SWT.NONE).setText(unit);
        }
        return text;
    }

    /** A multi-line field for a command: one argument per line, so nothing is ever split or quoted. */
    private static Text command(Composite row, String id, String hint) {
        Text text = mark(new Text(row, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL), id);
        text.setMessage(hint);
        text.setToolTipText(hint + ". It runs as the node's user: only administrators may set it.");
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.heightHint = 36;
        text.setLayoutData(data);
        return text;
    }

    private static Text number(Composite parent, String label, String id, String hint) {
        return digits(field(parent, label, id, hint));
    }

    /** Makes {@code text} a whole-number field, 0 at first. */
    private static Text digits(Text text) {
        text.setText("0");
        text.setTextLimit(6);
        text.addListener(SWT.Verify, event -> event.doit = event.text.chars().allMatch(Character::isDigit));
        return text;
    }

    private void fill(Policy policy) {
        id = policy.id();
        name.setText(policy.name());
        enabled.setSelection(policy.enabled());
        destination.setText(policy.destination());
        passphraseFile.setText(policy.passphraseFile() == null ? "" : policy.passphraseFile());
        chosen.addAll(policy.vmIds());
        patterns.setText(String.join(", ", policy.namePatterns()));
        tags.setText(String.join(", ", policy.tags()));
        policy.schedules().stream().map(Schedule::expression).forEach(schedules::add);
        Retention retention = policy.retention() == null ? new Retention(0, 0) : policy.retention();
        keepLast.setText(Integer.toString(retention.keepLast()));
        keepDays.setText(Integer.toString(retention.keepDays()));
        keepDaily.setText(Integer.toString(retention.keepDaily()));
        keepWeekly.setText(Integer.toString(retention.keepWeekly()));
        keepMonthly.setText(Integer.toString(retention.keepMonthly()));
        keepYearly.setText(Integer.toString(retention.keepYearly()));
        fullEvery.setText(Integer.toString(policy.fullEvery()));
        BackupCommands commands = policy.commands() == null ? BackupCommands.none() : policy.commands();
        preCommand.setText(String.join("\n", commands.pre()));
        postCommand.setText(String.join("\n", commands.post()));
        commandTimeout.setText(Integer.toString(commands.timeoutSeconds()));
    }

    private void showVms() {
        fillTable(available, inventory.stream().filter(vm -> vm.present() && !chosen.contains(vm.id())).toList());
        fillTable(chosenTable, inventory.stream().filter(vm -> chosen.contains(vm.id())).toList());
        preview();
    }

    private static void fillTable(Table table, List<Vm> vms) {
        table.removeAll();
        for (Vm vm : vms) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(vm.name());
            item.setData(vm);
        }
    }

    private void move(Table from, boolean choose) {
        for (TableItem item : from.getSelection()) {
            UUID vm = ((Vm) item.getData()).id();
            if (choose) {
                chosen.add(vm);
            } else {
                chosen.remove(vm);
            }
        }
        showVms();
    }

    /** Lays the form out again at the part's width; taller than the part, it scrolls (Save stays reachable). */
    private void fit() {
        Control form = scroller.getContent();
        Point size = form.computeSize(scroller.getClientArea().width, SWT.DEFAULT);
        scroller.setMinSize(size);
        ((Composite) form).layout(true, true);
    }

    /** Shows which VMs the form covers now, by hand or by its rules, computed on the inventory as loaded. */
    private void preview() {
        List<Vm> covered = rules().select(inventory);
        matched.setText("Covers " + covered.size() + (covered.size() == 1 ? " VM" : " VMs") + " now"
                + (covered.isEmpty() ? "" : ": " + covered.stream().map(Vm::name).collect(Collectors.joining(", "))));
        fit();
    }

    private VmRules rules() {
        return new VmRules(new HashSet<>(chosen), VmRules.entries(patterns.getText()), VmRules.entries(tags.getText()));
    }

    /** Asks the server whether the typed expression is valid: added with its next runs, or the server's reason shown, the text kept. */
    private void addSchedule() {
        String typed = schedule.getText().strip();
        if (typed.isEmpty()) {
            say("Type a schedule, or start from Daily, Weekly or Cron.");
            return;
        }
        String hours = window.getText().strip();
        if (!hours.isEmpty() && !WINDOW_FORM.matcher(hours).matches()) {
            say("The window '" + hours + "' is not HH:MM-HH:MM, such as 22:00-06:00.");
            return;
        }
        String expression = hours.isEmpty() ? typed : typed + " window " + hours;
        say("Checking " + expression + "…");
        run("Checking the schedule " + expression, client -> preview(client, expression), runs -> {
            if (Arrays.asList(schedules.getItems()).contains(expression)) {
                say(expression + " is in the list already.");
            } else {
                schedules.add(expression);
                say("Added " + expression + ".");
            }
            schedule.setText("");
            window.setText("");
            showRuns(expression, runs);
        });
    }

    private void previewRuns(String expression) {
        run("Next runs of " + expression, client -> preview(client, expression), runs -> showRuns(expression, runs));
    }

    private static List<Instant> preview(BulwarkClient client, String expression) {
        return client.resource(PolicyResource.class).schedulePreview(expression, PREVIEW_RUNS);
    }

    private void showRuns(String expression, List<Instant> runs) {
        nextRuns.setText("Next runs of " + expression + ": " + runs.stream().map(Format::time).collect(Collectors.joining(", ")));
        fit();
    }

    private void save() {
        List<String> pre = arguments(preCommand);
        List<String> post = arguments(postCommand);
        for (List<String> command : List.of(pre, post)) {
            if (!command.isEmpty() && !command.getFirst().startsWith("/")) {
                say((command == pre ? "Pre" : "Post") + " command: the first line must be the program's absolute path on"
                        + " the node, such as /usr/local/bin/quiesce, not '" + command.getFirst() + "'.");
                return;
            }
        }
        BackupCommands commands = pre.isEmpty() && post.isEmpty() && whole(commandTimeout) == 0 ? BackupCommands.none()
                : new BackupCommands(pre, post, whole(commandTimeout));
        PolicyRequest request = new PolicyRequest(name.getText().strip(), new ArrayList<>(chosen),
                VmRules.entries(patterns.getText()), VmRules.entries(tags.getText()), destination.getText().strip(),
                passphraseFile.getText().strip(), Arrays.asList(schedules.getItems()),
                new Retention(whole(keepLast), whole(keepDays), whole(keepDaily), whole(keepWeekly), whole(keepMonthly),
                        whole(keepYearly)), whole(fullEvery), enabled.getSelection(), commands);
        UUID editing = id;
        say("Saving " + request.name() + "…");
        run("Saving the policy " + request.name(), client -> editing == null
                ? client.resource(PolicyResource.class).create(request)
                : client.resource(PolicyResource.class).update(editing, request), saved -> {
                    id = saved.id();
                    part.getTransientData().put(POLICY, saved);
                    part.setLabel("Policy " + saved.name());
                    say("Saved " + saved.name() + ": it covers " + saved.selectedVmIds().size() + " VM(s).");
                    events.post(ConsoleEvents.POLICIES_CHANGED, saved);
                });
    }

    /** A command field's arguments: one per line, blank lines left out, nothing else changed. */
    private static List<String> arguments(Text command) {
        return command.getText().lines().filter(line -> !line.isBlank()).toList();
    }

    private static int whole(Text number) {
        String digits = number.getText().strip();
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** Calls the server in a job, then hands the answer to {@code shown} on the UI thread, or says why it failed. */
    private <T> void run(String title, Function<BulwarkClient, T> call, Consumer<T> shown) {
        ConsoleJob.of(title, monitor -> {
            try {
                T answer = session.call(call);
                ui.asyncExec(() -> {
                    if (!message.isDisposed()) {
                        shown.accept(answer);
                    }
                });
            } catch (ApiException e) {
                ui.asyncExec(() -> say(ErrorMessages.describe(e)));
            }
        }).schedule();
    }

    private void say(String text) {
        if (!message.isDisposed()) {
            message.setText(text);
            fit();
        }
    }

    /**
     * Opens the editor of {@code policy} (a new policy when {@code null}) in the main stack, or
     * brings its open editor to the front.
     */
    public static void open(EPartService parts, EModelService models, MApplication application, Policy policy) {
        if (policy != null) {
            for (MPart open : parts.getParts()) {
                if (DESCRIPTOR.equals(open.getElementId()) && open.getTransientData().get(POLICY) instanceof Policy edited
                        && edited.id().equals(policy.id())) {
                    parts.showPart(open, PartState.ACTIVATE);
                    return;
                }
            }
        }
        MPart editor = parts.createPart(DESCRIPTOR);
        editor.setLabel(policy == null ? "New policy" : "Policy " + policy.name());
        if (policy != null) {
            editor.getTransientData().put(POLICY, policy);
        }
        MPartStack stack = (MPartStack) models.find(ConsoleIds.STACK_MAIN, application);
        stack.getChildren().add(editor);
        parts.showPart(editor, PartState.ACTIVATE);
    }

    @Focus
    void focus() {
        name.setFocus();
    }
}
