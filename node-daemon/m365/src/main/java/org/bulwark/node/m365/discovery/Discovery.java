package org.bulwark.node.m365.discovery;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.SiteCollectionResponse;
import com.microsoft.graph.models.SubscribedSkuCollectionResponse;
import com.microsoft.graph.models.TeamCollectionResponse;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.bulwark.node.m365.tenant.GraphConnection;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Lists a tenant's users (with their groups and licenses), groups, sites, teams and licenses through Graph. */
public final class Discovery {

    private static final String[] USER_FIELDS = {"id", "displayName", "userPrincipalName", "mail", "assignedLicenses"};

    private final GraphServiceClient graph;

    public Discovery(GraphConnection connection) {
        this.graph = connection.graph();
    }

    /** Users with their group memberships and licenses, groups, sites, teams and the tenant's licenses. */
    public TenantInventory discover() {
        List<TenantInventory.User> users = users().stream().map(u -> u.withGroups(groupsOf(u.id()))).toList();
        return new TenantInventory(users, groups(), sites(), teams(), licenses());
    }

    /** The users with their assigned licenses (without group memberships: one request more per user). */
    public List<TenantInventory.User> users() {
        return Pages.all(graph.users().get(r -> r.queryParameters.select = USER_FIELDS), l -> graph.users().withUrl(l).get(),
                        UserCollectionResponse::getValue, UserCollectionResponse::getOdataNextLink).stream()
                .map(u -> new TenantInventory.User(u.getId(), u.getDisplayName(), u.getUserPrincipalName(), u.getMail(), null,
                        u.getAssignedLicenses() == null ? null : u.getAssignedLicenses().stream()
                                .map(AssignedLicense::getSkuId).filter(Objects::nonNull).map(UUID::toString).toList()))
                .toList();
    }

    /** The ids of the groups a user is a member of, directly or through nested groups ({@code transitiveMemberOf}). */
    public List<String> groupsOf(String userId) {
        var memberOf = graph.users().byUserId(userId).transitiveMemberOf();
        return Pages.all(memberOf.get(), l -> memberOf.withUrl(l).get(), DirectoryObjectCollectionResponse::getValue,
                        DirectoryObjectCollectionResponse::getOdataNextLink).stream()
                .filter(o -> o instanceof Group).map(DirectoryObject::getId).toList();
    }

    /** The licenses the tenant subscribes to ({@code subscribedSkus}). */
    public List<TenantInventory.License> licenses() {
        SubscribedSkuCollectionResponse skus = graph.subscribedSkus().get();
        return Pages.all(skus, l -> graph.subscribedSkus().withUrl(l).get(), SubscribedSkuCollectionResponse::getValue,
                        SubscribedSkuCollectionResponse::getOdataNextLink).stream()
                .filter(s -> s.getSkuId() != null)
                .map(s -> new TenantInventory.License(s.getSkuId().toString(), s.getSkuPartNumber())).toList();
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
