package org.bulwark.console.tests.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A table read row by row as the operator sees it: each row maps column titles to cell texts
 * (a table without columns has one, titled {@code ""}).
 */
public final class TableBot extends ControlBot<Table> {
    TableBot(Bot bot, Table table) {
        super(bot, table);
    }

    /** Every row as column title → cell text. */
    public List<Map<String, String>> rows() {
        return bot.sync(() -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (TableItem item : control.getItems()) {
                rows.add(row(item));
            }
            return rows;
        });
    }

    /** How many rows the table has (a virtual table does not make them for this). */
    public int itemCount() {
        return bot.sync(control::getItemCount);
    }

    /** The first row that matches, waiting for it to appear. */
    public Map<String, String> waitForRow(String what, Predicate<Map<String, String>> matches) {
        bot.waitUntil(what, () -> rows().stream().anyMatch(matches));
        return rows().stream().filter(matches).findFirst().orElseThrow();
    }

    /** The selected row, or {@code null}. */
    public Map<String, String> selection() {
        return bot.sync(() -> control.getSelectionCount() == 0 ? null : row(control.getSelection()[0]));
    }

    /** Clicks the first row that matches (scrolled into view) and waits until it is selected. */
    public void clickRow(String what, Predicate<Map<String, String>> matches) {
        waitForRow(what, matches);
        Rectangle cell = bot.sync(() -> {
            for (TableItem item : control.getItems()) {
                if (matches.test(row(item))) {
                    control.showItem(item);
                    return item.getBounds(0);
                }
            }
            throw new AssertionError("No row is " + what);
        });
        clickAt(cell);
        bot.waitUntil(what + " to be selected", () -> {
            Map<String, String> selected = selection();
            return selected != null && matches.test(selected);
        });
    }

    private Map<String, String> row(TableItem item) {
        TableColumn[] columns = control.getColumns();
        Map<String, String> row = new LinkedHashMap<>();
        if (columns.length == 0) {
            row.put("", item.getText());
        }
        for (int i = 0; i < columns.length; i++) {
            row.put(columns[i].getText(), item.getText(i));
        }
        return row;
    }
}
