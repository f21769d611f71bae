package org.bulwark.console.tests.bot;

import java.nio.file.Path;
import org.bulwark.console.tests.fixture.Workbench;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves the whole screen to {@code <bulwark.screenshots>/<test>-failed.png} when a UI test fails. */
public final class ScreenshotOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            Path file = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots"),
                    context.getRequiredTestMethod().getName() + "-failed.png");
            new Bot(Workbench.display()).screenshot(file);
        } catch (RuntimeException | InterruptedException e) {
            cause.addSuppressed(e);
        }
    }
}
