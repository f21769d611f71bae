package org.bulwark.console.tests.bot;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * User input: mouse and keyboard events posted with {@link Display#post}, so widgets see what a
 * person's clicks and key strokes cause. On GTK, SWT warps the real pointer but puts button and
 * key events into GDK's own queue, for the window GDK takes to have the focus: key strokes
 * reach a field only while its window is the active one ({@link TextBot} sees to it), and a
 * drag needs the X server's own input ({@link Gestures}).
 */
final class Input {
    /** Characters a US keyboard (Xvfb's default) types with Shift held. */
    private static final String SHIFTED = "~!@#$%^&*()_+{}|:\"<>?";
    /** Pause between posted events, so the window system and GTK keep up (input pacing, not waiting). */
    private static final long PACE_MILLIS = 15;

    private final Display display;

    Input(Display display) {
        this.display = display;
    }

    /** Moves the pointer to {@code at} (display coordinates) and clicks the left button. */
    void click(Point at) {
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = at.x;
        move.y = at.y;
        post(move);
        post(mouse(SWT.MouseDown));
        post(mouse(SWT.MouseUp));
    }

    /** Types {@code text} key by key, holding Shift where a US keyboard needs it. */
    void type(String text) {
        for (char c : text.toCharArray()) {
            boolean shift = Character.isUpperCase(c) || SHIFTED.indexOf(c) >= 0;
            if (shift) {
                post(key(SWT.KeyDown, SWT.SHIFT, (char) 0));
            }
            post(key(SWT.KeyDown, 0, c));
            post(key(SWT.KeyUp, 0, c));
            if (shift) {
                post(key(SWT.KeyUp, SWT.SHIFT, (char) 0));
            }
        }
    }

    /** Presses {@code c} with the modifier key held, e.g. Ctrl+A. */
    void chord(int modifier, char c) {
        post(key(SWT.KeyDown, modifier, (char) 0));
        post(key(SWT.KeyDown, 0, c));
        post(key(SWT.KeyUp, 0, c));
        post(key(SWT.KeyUp, modifier, (char) 0));
    }

    private static Event mouse(int type) {
        Event event = new Event();
        event.type = type;
        event.button = 1;
        return event;
    }

    private static Event key(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        return event;
    }

    /** Posts on the UI thread and returns at once; the UI thread then dispatches the event. */
    private void post(Event event) {
        boolean[] posted = new boolean[1];
        display.syncExec(() -> posted[0] = display.post(event));
        if (!posted[0]) {
            throw new IllegalStateException("The window system refused the posted event " + event);
        }
        try {
            Thread.sleep(PACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while typing", e);
        }
    }
}
