package org.bulwark.node.m365.backup;

import com.microsoft.graph.models.BaseDeltaFunctionResponse;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import org.bulwark.node.m365.discovery.Pages;
import org.bulwark.node.m365.metadata.MetaRecord;
import org.bulwark.node.m365.metadata.ServiceStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one Graph delta query: from the stored delta link when there is one (incremental), else
 * from the start (full); an expired link ({@code 410 Gone}) falls back to a full enumeration.
 * The new delta link is recorded in the same batch as the items before it.
 */
final class Delta {

    /** Receives one item of a delta page. */
    interface Item<T> {
        void accept(T item) throws IOException;
    }

    private Delta() {
    }

    /** Runs after a full enumeration, before its delta link is recorded: tombstones what was not seen. */
    interface AfterFull {
        void run() throws IOException;
    }

    /**
     * @param full      starts a full enumeration
     * @param byUrl     continues from a link
     * @param afterFull called when the enumeration was full
     */
    static <R extends BaseDeltaFunctionResponse, T> void run(ServiceStore store, String owner, String scope,
                                                              Supplier<R> full, Function<String, R> byUrl,
                                                              Function<R, List<T>> values, Item<T> each, AfterFull afterFull)
            throws IOException {
        String link = store.db().deltaLink(owner, scope);
        R first;
        boolean isFull = link == null;
        try {
            first = isFull ? full.get() : byUrl.apply(link);
        } catch (ApiException e) {
            if (e.getResponseStatusCode() != 410) {
                throw e;
            }
            isFull = true;
            first = full.get();
        }
        R last;
        try {
            last = Pages.forEach(first, byUrl, values, BaseDeltaFunctionResponse::getOdataNextLink, t -> {
                try {
                    each.accept(t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (isFull) {
            afterFull.run();
        }
        if (last.getOdataDeltaLink() != null) {
            store.record(new MetaRecord.Delta(owner, scope, last.getOdataDeltaLink()));
        }
    }

    /** Whether a delta item is a removal ({@code "@removed"} annotation). */
    static boolean removed(AdditionalDataHolder item) {
        return item.getAdditionalData() != null && item.getAdditionalData().containsKey("@removed");
    }
}
