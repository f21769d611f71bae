package org.bulwark.cli;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the one item a user named by name or id. */
final class Lookup {
    private Lookup() {
    }

    /**
     * The item whose id or name is {@code reference}.
     *
     * @param kind e.g. {@code node}, for the messages
     */
    static <T> T find(List<T> items, String reference, String kind, Function<T, Object> id, Function<T, String> name) {
        List<T> byId = items.stream().filter(item -> String.valueOf(id.apply(item)).equalsIgnoreCase(reference)).toList();
        if (byId.size() == 1) {
            return byId.getFirst();
        }
        List<T> byName = items.stream().filter(item -> reference.equals(name.apply(item))).toList();
        if (byName.size() > 1) {
            throw new CliException(ExitCode.USAGE, "Several " + kind + "s are named " + reference + "; give the id of one of "
                    + byName.stream().map(item -> String.valueOf(id.apply(item))).collect(Collectors.joining(", ")));
        }
        if (byName.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "Not found: no " + kind + " named or with the id " + reference);
        }
        return byName.getFirst();
    }
}
