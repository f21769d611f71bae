package org.bulwark.node.m365.backup;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.delta.DeltaGetResponse;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.MimeSplitter;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backs up Exchange mailboxes: mail folders (delta per mailbox), and per folder its messages
 * (delta per folder) with their full MIME content ({@code /$value}), attachments included; large
 * MIME parts are stored as blobs of their own so a repeated attachment is stored once.
 */
final class MailBackup extends ServiceBackup {

    private final GraphServiceClient graph;

    MailBackup(GraphServiceClient graph, long run, ServiceStore store, RunCounters counters) {
        super(run, store, counters, "mail");
        this.graph = graph;
    }

    @Override
    void backup(String user, String name) throws IOException {
        store.record(new MetaRecord.Owner(user, "mailbox", name));
        var folders = graph.users().byUserId(user).mailFolders();
        Set<String> seen = new HashSet<>();
        Delta.run(store, user, "folders", () -> folders.delta().get(), l -> folders.delta().withUrl(l).get(),
                DeltaGetResponse::getValue, (MailFolder f) -> {
                    if (Delta.removed(f)) {
                        folderRemoved(user, f.getId());
                    } else {
                        seen.add(f.getId());
                        upsertContainer(user, Kinds.MAIL_FOLDER, f.getId(), f.getParentFolderId(), f.getDisplayName(), 0);
                    }
                }, () -> {
                    for (ItemVersion v : store.liveUnder(user, Kinds.MAIL_FOLDER, null)) {
                        if (!seen.contains(v.id())) {
                            folderRemoved(user, v.id());
                        }
                    }
                });
        for (ItemVersion folder : store.liveUnder(user, Kinds.MAIL_FOLDER, null)) {
            messages(user, folder.id());
        }
    }

    private void folderRemoved(String user, String folderId) throws IOException {
        containerRemoved(user, Kinds.MAIL_FOLDER, folderId, Kinds.MESSAGE, "messages");
    }

    private void messages(String user, String folderId) throws IOException {
        var messages = graph.users().byUserId(user).mailFolders().byMailFolderId(folderId).messages();
        Set<String> seen = new HashSet<>();
        Delta.run(store, user, "messages:" + folderId, () -> messages.delta().get(), l -> messages.delta().withUrl(l).get(),
                com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse::getValue, (Message m) -> {
                    if (Delta.removed(m)) {
                        tombstone(user, Kinds.MESSAGE, m.getId(), folderId);
                        return;
                    }
                    seen.add(m.getId());
                    if (unchanged(user, Kinds.MESSAGE, m.getId(), m.getChangeKey(), folderId, m.getSubject())) {
                        return;
                    }
                    byte[] mime;
                    try (InputStream in = graph.users().byUserId(user).messages().byMessageId(m.getId()).content().get()) {
                        mime = in.readAllBytes();
                    }
                    List<String> recipe = new ArrayList<>();
                    for (byte[] piece : MimeSplitter.split(mime)) {
                        recipe.add(store.putBlob(piece));
                    }
                    String sender = m.getFrom() == null || m.getFrom().getEmailAddress() == null ? ""
                            : nz(m.getFrom().getEmailAddress().getAddress());
                    stored(new ItemVersion(user, Kinds.MESSAGE, m.getId(), run, folderId, m.getSubject(), sender,
                            millis(m.getReceivedDateTime()), mime.length, m.getChangeKey(), String.join(" ", recipe), false));
                }, () -> tombstoneUnseen(user, Kinds.MESSAGE, folderId, seen));
    }
}
