package org.bulwark.console.m365.parts;

import static org.bulwark.console.ConsoleIds.mark;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

/**
 * A drop-down of the registered tenants (by tenant id), read in a job; tells its listener when
 * the operator chooses another one, or when the chosen one is gone.
 */
final class TenantCombo {
    private final Combo combo;
    private final ConsoleSession session;
    private final UISynchronize ui;
    private final Consumer<M365Tenant> chosen;
    private List<M365Tenant> tenants = List.of();
    private M365Tenant current;

    TenantCombo(Composite parent, String id, ConsoleSession session, UISynchronize ui, Consumer<M365Tenant> chosen) {
        this.combo = mark(new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN), id);
        this.session = session;
        this.ui = ui;
        this.chosen = chosen;
        combo.addListener(SWT.Selection, event -> choose(combo.getSelectionIndex() < 0 ? null
                : tenants.get(combo.getSelectionIndex())));
    }

    Combo combo() {
        return combo;
    }

    /** The tenant chosen, or {@code null}. */
    M365Tenant current() {
        return current;
    }

    /** Reads the tenants again, keeping the choice (the first tenant is chosen when there was none). */
    void reload(Consumer<ApiException> failed) {
        ConsoleJob job = ConsoleJob.of("Reading the Microsoft 365 tenants", monitor -> {
            try {
                List<M365Tenant> read = session.call(client -> client.resource(TenantResource.class).list());
                ui.asyncExec(() -> show(read));
            } catch (ApiException e) {
                ui.asyncExec(() -> failed.accept(e));
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(List<M365Tenant> read) {
        if (combo.isDisposed()) {
            return;
        }
        tenants = List.copyOf(read);
        combo.setItems(tenants.stream().map(M365Tenant::tenantId).toArray(String[]::new));
        M365Tenant keep = tenants.stream().filter(t -> current != null && t.id().equals(current.id())).findFirst()
                .orElse(tenants.isEmpty() ? null : tenants.getFirst());
        if (keep != null) {
            combo.select(tenants.indexOf(keep));
        }
        choose(keep);
    }

    private void choose(M365Tenant tenant) {
        boolean changed = !Objects.equals(tenant == null ? null : tenant.id(), current == null ? null : current.id());
        current = tenant;
        if (changed) {
            chosen.accept(tenant);
        }
    }
}
