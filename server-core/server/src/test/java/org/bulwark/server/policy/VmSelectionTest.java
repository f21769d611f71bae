package org.bulwark.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Retention;
import org.bulwark.api.Vm;
import org.junit.jupiter.api.Test;

/** Policy rules pick the present VMs chosen by hand, matched by a name pattern or carrying a tag. */
class VmSelectionTest {
    private static final UUID HYPERVISOR = UUID.randomUUID();
    private static final Vm WEB1 = vm("web-01", true, "prod");
    private static final Vm WEB2 = vm("web-02", true);
    private static final Vm DB = vm("db.main", true, "prod", "db");
    private static final Vm TEST = vm("test-web", true, "lab");
    private static final Vm GONE = vm("web-03", false, "prod");
    private static final List<Vm> INVENTORY = List.of(WEB1, WEB2, DB, TEST, GONE);

    private static Vm vm(String name, boolean present, String... tags) {
        return new Vm(UUID.randomUUID(), HYPERVISOR, name, UUID.randomUUID().toString(), present ? "RUNNING" : "VANISHED",
                1, 1 << 30, List.of(), List.of(tags), present, Instant.EPOCH);
    }

    private static List<String> select(List<UUID> byHand, List<String> patterns, List<String> tags) {
        StoredPolicy policy = new StoredPolicy(UUID.randomUUID(), "p", byHand, patterns, tags, "/d", "/f",
                new Retention(1, 0), 0, true, null);
        return VmSelection.select(policy, INVENTORY).stream().map(Vm::name).toList();
    }

    @Test
    void namePatternsAreGlobsOverTheWholeName() {
        assertEquals(List.of("web-01", "web-02"), select(List.of(), List.of("web-*"), List.of()));
        assertEquals(List.of("web-01", "web-02", "test-web"), select(List.of(), List.of("*web*"), List.of()));
        assertEquals(List.of("db.main"), select(List.of(), List.of("db.main"), List.of()), "a dot is literal");
        assertEquals(List.of(), select(List.of(), List.of("dbxmain", "web-0"), List.of()));
        assertEquals(List.of("web-01"), select(List.of(), List.of("web-?1"), List.of()));
    }

    @Test
    void tagsAndHandPickedVmsAddUpAndVanishedVmsAreLeftOut() {
        assertEquals(List.of("web-01", "db.main"), select(List.of(), List.of(), List.of("prod")), "web-03 vanished");
        assertEquals(List.of("web-01", "db.main", "test-web"),
                select(List.of(TEST.id(), GONE.id()), List.of(), List.of("prod")));
        assertEquals(List.of("web-02", "db.main"), select(List.of(WEB2.id()), List.of("db*"), List.of("db")));
        assertEquals(List.of(), select(List.of(), List.of(), List.of()), "a policy without rules covers nothing");
    }
}
