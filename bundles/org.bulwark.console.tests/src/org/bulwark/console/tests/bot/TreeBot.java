package org.bulwark.console.tests.bot;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** A tree read as the operator sees it: the shown items as paths of their first-column texts, e.g. {@code / > docs}. */
public final class TreeBot extends ControlBot<Tree> {
    /** Separates the levels of an item path. */
    public static final String SEPARATOR = " > ";
    /** Distance of the middle of an item's expander arrow to the left of its first cell, in pixels. */
    private static final int EXPANDER_OFFSET = 8;

    TreeBot(Bot bot, Tree tree) {
        super(bot, tree);
    }

    /** The paths of every item shown (children of collapsed items are not shown). */
    public List<String> items() {
        return bot.sync(() -> {
            List<String> paths = new ArrayList<>();
            collect(control.getItems(), "", paths);
            return paths;
        });
    }

    /** Waits until an item with {@code path} is shown. */
    public void waitForItem(String path) {
        bot.waitUntil("item '" + path + "' in the tree", () -> items().contains(path));
    }

    /** Clicks the item with {@code path} (scrolled into view) and waits until it is selected. */
    public void clickItem(String path) {
        waitForItem(path);
        clickAt(bounds(path));
        bot.waitUntil("item '" + path + "' to be selected", () -> path.equals(selection()));
    }

    /**
     * Clicks the expander arrow of the item with {@code path}, as an operator opens a folder; GTK
     * draws it just left of the item's first cell.
     */
    public void expandItem(String path) {
        waitForItem(path);
        Rectangle item = bounds(path);
        clickAt(new Rectangle(item.x - EXPANDER_OFFSET, item.y, 0, item.height));
    }

    /** The path of the selected item, or {@code null}. */
    public String selection() {
        return bot.sync(() -> control.getSelectionCount() == 0 ? null : path(control.getSelection()[0]));
    }

    /** The bounds of the item with {@code path} in the tree's coordinates, scrolled into view. */
    Rectangle bounds(String path) {
        return bot.sync(() -> {
            TreeItem item = find(control.getItems(), path, "");
            if (item == null) {
                throw new AssertionError("No item '" + path + "' in the tree");
            }
            control.showItem(item);
            return item.getBounds(0);
        });
    }

    private static TreeItem find(TreeItem[] items, String path, String prefix) {
        for (TreeItem item : items) {
            String itemPath = prefix + item.getText();
            if (itemPath.equals(path)) {
                return item;
            }
            if (item.getExpanded()) {
                TreeItem found = find(item.getItems(), path, itemPath + SEPARATOR);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collect(TreeItem[] items, String prefix, List<String> paths) {
        for (TreeItem item : items) {
            String path = prefix + item.getText();
            paths.add(path);
            if (item.getExpanded()) {
                collect(item.getItems(), path + SEPARATOR, paths);
            }
        }
    }

    private static String path(TreeItem item) {
        return item.getParentItem() == null ? item.getText() : path(item.getParentItem()) + SEPARATOR + item.getText();
    }
}
