package org.bulwark.console.restore.model;

import java.nio.file.Path;

/** Decides, usually by asking the operator, what happens to a file or folder that exists already. */
@FunctionalInterface
public interface ConflictResolver {
    /**
     * Called off the UI thread for each download that would land on {@code existing}.
     *
     * @return what to do; never {@code null}
     */
    Conflict resolve(Path existing);
}
