package org.bulwark.console.tests.bot;

import java.awt.AWTException;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * Gestures beyond clicks and typing. Drag and drop goes through the X server with the XTest
 * extension (AWT's {@link Robot}): button down on the source, moves past the drag threshold and
 * over to the target, button up, so SWT's {@code DragSource} and {@code DropTarget} run through
 * GTK's own XDND protocol as with a person's mouse. {@link Display#post} cannot drag: on GTK it
 * puts synthetic button events into GDK's queue and only warps the pointer, so the X server never
 * sees the button held, the motion carries no button state and no drag starts.
 */
public final class Gestures {
    /** Pause between pointer moves (input pacing, so GTK sees a motion, not a jump). */
    private static final int PACE_MILLIS = 25;
    private static final int STEPS = 20;

    private Gestures() {
    }

    /**
     * Selects the table row that matches and drags it onto the tree: onto the item at
     * {@code targetPath}, or onto the tree's empty area below its items when that is {@code null}.
     */
    public static void rowToTree(TableBot table, String what, Predicate<Map<String, String>> row, TreeBot tree, String targetPath) {
        table.clickRow(what, row);
        Bot bot = table.bot;
        Point from = bot.sync(() -> {
            int index = table.control.getSelectionIndex();
            Rectangle cell = table.control.getItem(index).getBounds(0);
            return table.control.toDisplay(cell.x + Math.min(cell.width / 2, 40), cell.y + cell.height / 2);
        });
        Rectangle target = targetPath == null ? bot.sync(() -> {
            Rectangle area = tree.control.getClientArea();
            return new Rectangle(area.x, area.y + area.height - 30, area.width, 20);
        }) : tree.bounds(targetPath);
        Point to = bot.sync(() -> tree.control.toDisplay(target.x + Math.min(target.width / 2, 60), target.y + target.height / 2));
        Robot mouse = robot();
        mouse.mouseMove(from.x, from.y);
        mouse.delay(PACE_MILLIS);
        mouse.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        mouse.delay(PACE_MILLIS);
        try {
            for (int i = 1; i <= 10; i++) { // past the drag threshold, so the drag starts at the source
                mouse.mouseMove(from.x + i * 2, from.y + i);
                mouse.delay(PACE_MILLIS);
            }
            for (int i = 1; i <= STEPS; i++) {
                mouse.mouseMove(from.x + (to.x - from.x) * i / STEPS, from.y + (to.y - from.y) * i / STEPS);
                mouse.delay(PACE_MILLIS);
            }
            for (int i = 0; i < 10; i++) { // hover, so the target answers which operation it accepts
                mouse.mouseMove(to.x + i % 2, to.y);
                mouse.delay(PACE_MILLIS * 2);
            }
        } finally {
            mouse.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
    }

    private static Robot robot() {
        try {
            return new Robot();
        } catch (AWTException e) {
            throw new IllegalStateException("The X server does not take XTest input: " + e.getMessage(), e);
        }
    }

    /** Presses and releases Enter in the focused widget. */
    public static void pressEnter(Bot bot) {
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.keyCode = SWT.CR;
        down.character = SWT.CR;
        post(bot.display(), down);
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.keyCode = SWT.CR;
        up.character = SWT.CR;
        post(bot.display(), up);
    }

    private static void post(Display display, Event event) {
        boolean[] posted = new boolean[1];
        display.syncExec(() -> posted[0] = display.post(event));
        if (!posted[0]) {
            throw new IllegalStateException("The window system refused the posted event " + event);
        }
        try {
            Thread.sleep(PACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pressing a key", e);
        }
    }
}
