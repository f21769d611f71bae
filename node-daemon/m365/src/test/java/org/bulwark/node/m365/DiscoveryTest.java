package org.bulwark.node.m365;

import org.bulwark.node.m365.discovery.Discovery;
import org.bulwark.node.m365.discovery.TenantInventory;
import org.bulwark.node.m365.graphlocal.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Discovery of groups (with nested membership through {@code transitiveMemberOf}) and licenses, across pages. */
class DiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void usersCarryTheirGroupsThroughNestingAndTheirLicenses() throws Exception {
        try (TenantFixture f = new TenantFixture(dir)) {
            f.graph.pageSize(2);
            String alice = f.graph.addUser("alice@contoso.test");
            String bob = f.graph.addUser("bob@contoso.test");
            String carol = f.graph.addUser("carol@contoso.test");
            Directory d = f.graph.directory;
            String sales = d.addGroup("Sales");
            String emea = d.addGroup("Sales EMEA");
            d.addMember(sales, alice);
            d.addMember(emea, bob);
            d.addMember(sales, emea);
            String e3 = d.addSku("ENTERPRISEPACK");
            String f1 = d.addSku("SPE_F1");
            d.assignLicense(alice, e3);
            d.assignLicense(carol, f1);
            d.assignLicense(carol, e3);

            TenantInventory inventory = new Discovery(f.connection()).discover();

            Map<String, TenantInventory.User> users = inventory.users().stream()
                    .collect(Collectors.toMap(TenantInventory.User::id, Function.identity()));
            assertEquals(List.of(Directory.EVERYONE_ID, sales), users.get(alice).groupIds());
            assertEquals(List.of(Directory.EVERYONE_ID, emea, sales), users.get(bob).groupIds(), "Sales through Sales EMEA");
            assertEquals(List.of(Directory.EVERYONE_ID), users.get(carol).groupIds());
            assertEquals(List.of(e3), users.get(alice).skuIds());
            assertEquals(List.of(), users.get(bob).skuIds());
            assertEquals(List.of(f1, e3), users.get(carol).skuIds());
            assertEquals(List.of("Everyone", "Sales", "Sales EMEA"),
                    inventory.groups().stream().map(TenantInventory.Group::displayName).toList());
            assertEquals(List.of(new TenantInventory.License(e3, "ENTERPRISEPACK"), new TenantInventory.License(f1, "SPE_F1")),
                    inventory.licenses());
        }
    }
}
