package org.bulwark.node.m365.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ChannelCollectionResponse;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.teams.item.channels.item.messages.delta.DeltaGetResponse;
import org.bulwark.node.m365.discovery.Pages;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backs up Teams: the channels of each team and, per channel, its messages (delta per channel),
 * each stored as a small JSON document (id, times, author, subject, body).
 */
final class TeamsBackup extends ServiceBackup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GraphServiceClient graph;

    TeamsBackup(GraphServiceClient graph, long run, ServiceStore store, RunCounters counters) {
        super(run, store, counters, "teams");
        this.graph = graph;
    }

    @Override
    void backup(String team, String name) throws IOException {
        store.record(new MetaRecord.Owner(team, "team", name));
        var channels = graph.teams().byTeamId(team).channels();
        List<Channel> all = Pages.all(channels.get(), l -> channels.withUrl(l).get(), ChannelCollectionResponse::getValue,
                ChannelCollectionResponse::getOdataNextLink);
        listed(team, Kinds.CHANNEL, all.stream().map(c -> new Listed(c.getId(), c.getDisplayName(), millis(c.getCreatedDateTime())))
                .toList(), Kinds.CHANNEL_MESSAGE, "messages");
        for (Channel c : all) {
            messages(team, c.getId());
        }
    }

    private void messages(String team, String channel) throws IOException {
        var messages = graph.teams().byTeamId(team).channels().byChannelId(channel).messages();
        Set<String> seen = new HashSet<>();
        Delta.run(store, team, "messages:" + channel, () -> messages.delta().get(), l -> messages.delta().withUrl(l).get(),
                DeltaGetResponse::getValue, (ChatMessage m) -> {
                    if (Delta.removed(m) || m.getDeletedDateTime() != null) {
                        tombstone(team, Kinds.CHANNEL_MESSAGE, m.getId(), channel);
                        return;
                    }
                    seen.add(m.getId());
                    String change = m.getEtag() != null ? m.getEtag() : String.valueOf(millis(m.getLastModifiedDateTime()));
                    String author = m.getFrom() != null && m.getFrom().getUser() != null ? nz(m.getFrom().getUser().getDisplayName()) : "";
                    if (unchanged(team, Kinds.CHANNEL_MESSAGE, m.getId(), change, channel, nz(m.getSubject()))) {
                        return;
                    }
                    ObjectNode doc = JSON.createObjectNode();
                    doc.put("id", m.getId());
                    doc.put("channelId", channel);
                    doc.put("createdDateTime", String.valueOf(m.getCreatedDateTime()));
                    doc.put("lastModifiedDateTime", String.valueOf(m.getLastModifiedDateTime()));
                    doc.put("from", author);
                    doc.put("subject", nz(m.getSubject()));
                    if (m.getBody() != null) {
                        doc.put("contentType", String.valueOf(m.getBody().getContentType()));
                        doc.put("content", nz(m.getBody().getContent()));
                    }
                    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
                    String hash = store.putBlob(bytes);
                    stored(new ItemVersion(team, Kinds.CHANNEL_MESSAGE, m.getId(), run, channel, nz(m.getSubject()), author,
                            millis(m.getCreatedDateTime()), bytes.length, change, hash, false));
                }, () -> tombstoneUnseen(team, Kinds.CHANNEL_MESSAGE, channel, seen));
    }
}
