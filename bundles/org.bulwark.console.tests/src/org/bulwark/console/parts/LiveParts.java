package org.bulwark.console.parts;

import java.util.List;

/**
 * Test access to a live part (this fragment shares the console's package): stops its refresh
 * and hands it rows as if the server had sent them, e.g. more VMs than a test server can have.
 */
public final class LiveParts {
    private LiveParts() {
    }

    /** On the UI thread: {@code part} (a live table part) stops refreshing and shows {@code rows}. */
    @SuppressWarnings("unchecked")
    public static <T> void showOnly(Object part, List<T> rows) {
        LiveTablePart<T> live = (LiveTablePart<T>) part;
        live.stopRefresh();
        live.show(rows);
    }
}
