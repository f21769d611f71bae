package org.bulwark.console.tests.bot;

import java.util.Arrays;
import java.util.List;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;

/** An SWTChart chart, read as the operator sees it: its categories and the values of each named series. */
public final class ChartBot extends ControlBot<Chart> {
    ChartBot(Bot bot, Chart chart) {
        super(bot, chart);
    }

    /** The categories along the x axis. */
    public List<String> categories() {
        return bot.sync(() -> List.of(control.getAxisSet().getXAxis(0).getCategorySeries()));
    }

    /** The values of the series named {@code name}, one per category. */
    public List<Double> values(String name) {
        return bot.sync(() -> {
            ISeries<?> series = control.getSeriesSet().getSeries(name);
            if (series == null) {
                throw new AssertionError("The chart has no series " + name);
            }
            return Arrays.stream(series.getYSeries()).boxed().toList();
        });
    }

    /** The value of the series named {@code name} in {@code category}. */
    public double value(String name, String category) {
        int index = categories().indexOf(category);
        if (index < 0) {
            throw new AssertionError("The chart has no category " + category + ": " + categories());
        }
        return values(name).get(index);
    }
}
