package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The text of a status-bar contribution: a label of fixed width in a thin box, in the box's first column. */
final class TrimLabel {
    private TrimLabel() {
    }

    /**
     * Creates the box (with {@code columns} columns for what follows the label) and its label.
     *
     * @param id the label's stable data key
     */
    static Label create(Composite parent, int columns, String id, int width) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginHeight = 1;
        box.setLayout(layout);
        Label label = mark(new Label(box, SWT.NONE), id);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = width;
        label.setLayoutData(data);
        return label;
    }
}
