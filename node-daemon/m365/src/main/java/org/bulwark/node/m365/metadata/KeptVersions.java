package org.bulwark.node.m365.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which item versions the kept restore points still see. A version is seen by a restore point R
 * when it is the item's newest version not after R; the current state (the newest version of each
 * item) is always kept, since the next incremental run builds on it. A tombstone is kept only
 * where it hides a kept older version from the restore points after the deletion; an item deleted
 * before every kept restore point is forgotten with its tombstone.
 */
final class KeptVersions {

    private KeptVersions() {
    }

    /**
     * @param versions  every version, grouped by item (owner, kind, id) and by run within an item
     * @param keptRuns  the restore points kept
     * @return the versions to keep, in the same order
     */
    static List<ItemVersion> select(List<ItemVersion> versions, long[] keptRuns) {
        long[] kept = keptRuns.clone();
        Arrays.sort(kept);
        List<ItemVersion> out = new ArrayList<>();
        int start = 0;
        while (start < versions.size()) {
            int end = start + 1;
            while (end < versions.size() && sameItem(versions.get(start), versions.get(end))) {
                end++;
            }
            ItemVersion lastKept = null;
            for (int i = start; i < end; i++) {
                ItemVersion v = versions.get(i);
                boolean keep;
                if (v.deleted()) {
                    keep = lastKept != null && !lastKept.deleted();
                } else {
                    keep = i == end - 1 || seen(kept, v.run(), versions.get(i + 1).run());
                }
                if (keep) {
                    out.add(v);
                    lastKept = v;
                }
            }
            start = end;
        }
        return out;
    }

    /** Whether a kept run lies in [from, until). */
    private static boolean seen(long[] kept, long from, long until) {
        int at = Arrays.binarySearch(kept, from);
        int first = at >= 0 ? at : -at - 1;
        return first < kept.length && kept[first] < until;
    }

    private static boolean sameItem(ItemVersion a, ItemVersion b) {
        return a.owner().equals(b.owner()) && a.kind().equals(b.kind()) && a.id().equals(b.id());
    }
}
