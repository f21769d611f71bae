package org.bulwark.console.tests.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A small UI robot in the shape of SWTBot's API: finds shells and widgets, acts on them with
 * real mouse and keyboard events, reads them on the UI thread and waits on conditions.
 * It runs on the test thread, never on the UI thread.
 */
public final class Bot {
    /** How long a condition may take before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 50;

    private final Display display;
    private final Input input;

    public Bot(Display display) {
        this.display = display;
        this.input = new Input(display);
    }

    Display display() {
        return display;
    }

    Input input() {
        return input;
    }

    /** Presses {@code key} with {@code modifier} held (e.g. {@code SWT.CTRL}, {@code 'n'}) in whatever has the keyboard. */
    public void shortcut(int modifier, char key) {
        input.chord(modifier, key);
    }

    /** Computes {@code value} on the UI thread. */
    public <T> T sync(Supplier<T> value) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(value.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new IllegalStateException("On the UI thread: " + failure.get(), failure.get());
        }
        return result.get();
    }

    /** Waits up to {@link #TIMEOUT} until {@code condition} holds. */
    public void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, TIMEOUT);
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when it did not hold in time
     */
    public void waitUntil(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Whether {@code condition} holds within {@code timeout} (for checks that try again, not for test outcomes). */
    public boolean holdsWithin(Duration timeout, BooleanSupplier condition) {
        try {
            waitUntil("a check", condition, timeout);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** The visible shell titled {@code title}, waiting for it to open. */
    public ShellBot shell(String title) {
        AtomicReference<Shell> found = new AtomicReference<>();
        waitUntil("a window titled '" + title + "'", () -> found.updateAndGet(previous -> findShell(title)) != null);
        return new ShellBot(this, found.get(), title);
    }

    /** The first of {@code titles} that a visible window has now, or {@code null}. */
    public String showing(String... titles) {
        return Arrays.stream(titles).filter(title -> findShell(title) != null).findFirst().orElse(null);
    }

    private Shell findShell(String title) {
        return sync(() -> Arrays.stream(display.getShells())
                .filter(shell -> !shell.isDisposed() && shell.isVisible() && title.equals(shell.getText()))
                .findFirst().orElse(null));
    }

    /** Saves what the screen shows of {@code shell} as a PNG file. */
    public Path screenshot(Shell shell, Path file) {
        return screenshot(() -> shell.getBounds(), file);
    }

    /** Saves the whole screen as a PNG file. */
    public Path screenshot(Path file) {
        return screenshot(display::getBounds, file);
    }

    private Path screenshot(Supplier<Rectangle> area, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + file.getParent(), e);
        }
        display.syncExec(() -> {
            Rectangle bounds = area.get();
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {image.getImageData()};
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
        return file;
    }
}
