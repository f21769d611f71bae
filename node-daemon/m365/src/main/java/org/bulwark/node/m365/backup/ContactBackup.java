package org.bulwark.node.m365.backup;

import com.microsoft.graph.models.BaseDeltaFunctionResponse;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Backs up users' contacts: the default contact folder (which Graph does not list; recorded as
 * {@link #DEFAULT_FOLDER} "Contacts") and the contact folders (delta per user), and per folder its
 * contacts (delta per folder), each stored as its Graph JSON; {@code .vcf} is made from it on export.
 */
final class ContactBackup extends ServiceBackup {

    /** The id under which the default contact folder is recorded (Graph ids never take this form). */
    static final String DEFAULT_FOLDER = "contacts";

    private final GraphServiceClient graph;

    ContactBackup(GraphServiceClient graph, long run, ServiceStore store, RunCounters counters) {
        super(run, store, counters, "contacts");
        this.graph = graph;
    }

    @Override
    void backup(String user, String name) throws IOException {
        store.record(new MetaRecord.Owner(user, "contacts", name));
        var folders = graph.users().byUserId(user).contactFolders();
        upsertContainer(user, Kinds.CONTACT_FOLDER, DEFAULT_FOLDER, "", "Contacts", 0);
        Set<String> seen = new HashSet<>(Set.of(DEFAULT_FOLDER));
        Delta.run(store, user, "folders", () -> folders.delta().get(), l -> folders.delta().withUrl(l).get(),
                com.microsoft.graph.users.item.contactfolders.delta.DeltaGetResponse::getValue, (ContactFolder f) -> {
                    if (Delta.removed(f)) {
                        containerRemoved(user, Kinds.CONTACT_FOLDER, f.getId(), Kinds.CONTACT, "contacts");
                    } else {
                        seen.add(f.getId());
                        upsertContainer(user, Kinds.CONTACT_FOLDER, f.getId(), "", f.getDisplayName(), 0);
                    }
                }, () -> {
                    for (ItemVersion v : store.liveUnder(user, Kinds.CONTACT_FOLDER, null)) {
                        if (!seen.contains(v.id())) {
                            containerRemoved(user, Kinds.CONTACT_FOLDER, v.id(), Kinds.CONTACT, "contacts");
                        }
                    }
                });
        var root = graph.users().byUserId(user).contacts();
        contacts(user, DEFAULT_FOLDER, () -> root.delta().get(), l -> root.delta().withUrl(l).get());
        for (ItemVersion folder : store.liveUnder(user, Kinds.CONTACT_FOLDER, null)) {
            if (!folder.id().equals(DEFAULT_FOLDER)) {
                var in = folders.byContactFolderId(folder.id()).contacts();
                contacts(user, folder.id(), () -> in.delta().get(), l -> in.delta().withUrl(l).get());
            }
        }
    }

    private <R extends BaseDeltaFunctionResponse> void contacts(String user, String folder, Supplier<R> full,
                                                               Function<String, R> byUrl) throws IOException {
        Set<String> seen = new HashSet<>();
        Delta.run(store, user, "contacts:" + folder, full, byUrl, ContactBackup::values, (Contact c) -> {
            if (Delta.removed(c)) {
                tombstone(user, Kinds.CONTACT, c.getId(), folder);
                return;
            }
            seen.add(c.getId());
            if (unchanged(user, Kinds.CONTACT, c.getId(), c.getChangeKey(), folder, nz(c.getDisplayName()))) {
                return;
            }
            String mail = c.getEmailAddresses() == null || c.getEmailAddresses().isEmpty() ? ""
                    : nz(c.getEmailAddresses().getFirst().getAddress());
            storedJson(c, user, Kinds.CONTACT, c.getId(), folder, nz(c.getDisplayName()), mail, millis(c.getLastModifiedDateTime()),
                    c.getChangeKey());
        }, () -> tombstoneUnseen(user, Kinds.CONTACT, folder, seen));
    }

    /** The contacts of a page of either delta (default folder or a contact folder). */
    private static List<Contact> values(BaseDeltaFunctionResponse page) {
        return switch (page) {
            case com.microsoft.graph.users.item.contacts.delta.DeltaGetResponse r -> r.getValue();
            case com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse r -> r.getValue();
            default -> throw new IllegalArgumentException("not a contact delta page: " + page.getClass().getName());
        };
    }
}
