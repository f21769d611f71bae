package org.bulwark.node.m365.discovery;

import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.SiteCollectionResponse;
import com.microsoft.graph.models.TeamCollectionResponse;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.bulwark.node.m365.tenant.GraphConnection;

import java.util.List;

/** Lists a tenant's users, groups, sites and teams through Graph. */
public final class Discovery {

    private final GraphServiceClient graph;

    public Discovery(GraphConnection connection) {
        this.graph = connection.graph();
    }

    public TenantInventory discover() {
        return new TenantInventory(users(), groups(), sites(), teams());
    }

    public List<TenantInventory.User> users() {
        return Pages.all(graph.users().get(), l -> graph.users().withUrl(l).get(), UserCollectionResponse::getValue,
                        UserCollectionResponse::getOdataNextLink).stream()
                .map(u -> new TenantInventory.User(u.getId(), u.getDisplayName(), u.getUserPrincipalName(), u.getMail()))
                .toList();
    }

    public List<TenantInventory.Group> groups() {
        return Pages.all(graph.groups().get(), l -> graph.groups().withUrl(l).get(), GroupCollectionResponse::getValue,
                        GroupCollectionResponse::getOdataNextLink).stream()
                .map(g -> new TenantInventory.Group(g.getId(), g.getDisplayName(), g.getMail())).toList();
    }

    public List<TenantInventory.Site> sites() {
        return Pages.all(graph.sites().get(), l -> graph.sites().withUrl(l).get(), SiteCollectionResponse::getValue,
                        SiteCollectionResponse::getOdataNextLink).stream()
                .map(s -> new TenantInventory.Site(s.getId(), s.getDisplayName(), s.getWebUrl())).toList();
    }

    public List<TenantInventory.Team> teams() {
        return Pages.all(graph.teams().get(), l -> graph.teams().withUrl(l).get(), TeamCollectionResponse::getValue,
                        TeamCollectionResponse::getOdataNextLink).stream()
                .map(t -> new TenantInventory.Team(t.getId(), t.getDisplayName())).toList();
    }
}
