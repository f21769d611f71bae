package org.bulwark.console.tests.bot;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.bulwark.console.tests.fixture.Workbench;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a UI test fails, saves the whole screen to {@code <bulwark.screenshots>/<test>-failed.png}
 * and the stacks of every thread (the UI thread, the jobs) to {@code <test>-threads.txt} beside it.
 */
public final class ScreenshotOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Path folder = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots"));
        String test = context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(test + "-threads.txt"), Arrays.stream(ManagementFactory.getThreadMXBean()
                    .dumpAllThreads(true, true)).map(ScreenshotOnFailure::stack).collect(Collectors.joining("\n")));
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            new Bot(Workbench.display()).screenshot(folder.resolve(test + "-failed.png"));
        } catch (RuntimeException | InterruptedException e) {
            cause.addSuppressed(e);
        }
    }

    /** A thread's whole stack ({@link ThreadInfo#toString()} stops after eight frames). */
    private static String stack(ThreadInfo thread) {
        return "\"" + thread.getThreadName() + "\" " + thread.getThreadState()
                + (thread.getLockName() == null ? "" : " on " + thread.getLockName()) + "\n"
                + Arrays.stream(thread.getStackTrace()).map(frame -> "\tat " + frame).collect(Collectors.joining("\n")) + "\n";
    }
}
