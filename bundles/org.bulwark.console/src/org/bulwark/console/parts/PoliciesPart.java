package org.bulwark.console.parts;

import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bulwark.api.Policy;
import org.bulwark.api.Schedule;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.widgets.Composite;

/** The policies: what each protects, where, when and for how long; double-click or "Edit policy" opens the editor. */
public final class PoliciesPart extends LiveTablePart<Policy> {

    @Inject
    public PoliciesPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<Policy> createTable(Composite parent) {
        RecordTable<Policy> table = new RecordTable<>(parent, Policy.class, Policy::id, ConsoleIds.POLICIES_TABLE,
                ConsoleIds.POLICIES_STATUS);
        table.column("Name", 160, Policy::name);
        table.column("Enabled", 70, policy -> policy.enabled() ? "yes" : "no");
        table.column("VMs", 50, policy -> Integer.toString(policy.selectedVmIds().size()));
        table.column("Destination", 200, Policy::destination);
        table.column("Schedules", 200, policy -> policy.schedules().stream().map(Schedule::expression)
                .collect(Collectors.joining("; ")));
        table.column("Next run", 150, policy -> Format.time(policy.schedules().stream().map(Schedule::nextRun)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null)));
        table.column("Retention", 150, policy -> policy.retention() == null ? ""
                : "last " + policy.retention().keepLast() + ", " + policy.retention().keepDays() + " days");
        return table;
    }

    @Override
    List<Policy> fetch(BulwarkClient client) {
        return client.resource(PolicyResource.class).list();
    }

    @Override
    String summary(List<Policy> policies) {
        return policies.size() + (policies.size() == 1 ? " policy, " : " policies, ")
                + policies.stream().filter(Policy::enabled).count() + " enabled";
    }

    @Inject
    @Optional
    void policiesChanged(@UIEventTopic(ConsoleEvents.POLICIES_CHANGED) Policy policy) {
        refreshNow();
    }
}
