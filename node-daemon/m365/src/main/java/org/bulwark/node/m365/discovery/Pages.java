package org.bulwark.node.m365.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows {@code @odata.nextLink} across the pages of a Graph collection and, for delta queries,
 * returns the final {@code @odata.deltaLink}.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * Reads every page.
     *
     * @param first    the first page
     * @param next     fetches the page at a next link
     * @param values   the items of a page
     * @param nextLink the next link of a page (null on the last)
     * @param each     receives every item
     * @param <R>      the page type
     * @param <T>      the item type
     * @return the last page (it carries the delta link of a delta query)
     */
    public static <R, T> R forEach(R first, Function<String, R> next, Function<R, List<T>> values,
                                   Function<R, String> nextLink, Consumer<T> each) {
        R page = first;
        while (true) {
            List<T> v = values.apply(page);
            if (v != null) {
                v.forEach(each);
            }
            String link = nextLink.apply(page);
            if (link == null) {
                return page;
            }
            page = next.apply(link);
        }
    }

    /** Reads every page into a list. */
    public static <R, T> List<T> all(R first, Function<String, R> next, Function<R, List<T>> values,
                                     Function<R, String> nextLink) {
        List<T> out = new ArrayList<>();
        forEach(first, next, values, nextLink, out::add);
        return out;
    }
}
