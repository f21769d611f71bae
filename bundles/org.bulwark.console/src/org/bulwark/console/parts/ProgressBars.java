package org.bulwark.console.parts;

import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Draws one column of a table as a progress bar with the cell's text (e.g. {@code 40 %}) on
 * top; the cell keeps its text for screen readers and tests.
 */
final class ProgressBars {
    private ProgressBars() {
    }

    /**
     * @param rowType the class of the rows' data
     * @param percent the percentage of a row, 0 to 100
     * @param color the bar's colour for a row
     */
    static <T> void draw(Table table, int column, Class<T> rowType, ToIntFunction<T> percent, Function<T, Color> color) {
        table.addListener(SWT.EraseItem, event -> {
            if (event.index == column) {
                event.detail &= ~SWT.FOREGROUND;
            }
        });
        table.addListener(SWT.PaintItem, event -> {
            if (event.index == column && rowType.isInstance(event.item.getData())) {
                T row = rowType.cast(event.item.getData());
                paint(event, percent.applyAsInt(row), color.apply(row));
            }
        });
    }

    private static void paint(Event event, int percent, Color color) {
        TableItem item = (TableItem) event.item;
        GC gc = event.gc;
        Rectangle cell = item.getBounds(event.index);
        int width = Math.max(0, (cell.width - 4) * Math.clamp(percent, 0, 100) / 100);
        Color background = gc.getBackground();
        Color foreground = gc.getForeground();
        gc.setBackground(color);
        gc.fillRectangle(cell.x + 2, cell.y + 2, width, cell.height - 4);
        gc.setForeground(item.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(cell.x + 2, cell.y + 2, cell.width - 5, cell.height - 5);
        gc.setForeground(item.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        String text = item.getText(event.index);
        Point extent = gc.textExtent(text);
        gc.drawText(text, cell.x + (cell.width - extent.x) / 2, cell.y + (cell.height - extent.y) / 2, true);
        gc.setBackground(background);
        gc.setForeground(foreground);
    }
}
