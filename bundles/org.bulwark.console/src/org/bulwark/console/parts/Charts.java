package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

/**
 * Bar charts of the dashboard (SWTChart): categories along the x axis, one bar series per
 * measure, each series named by its legend text so tests and screen readers find it.
 */
final class Charts {
    static final Color SUCCEEDED = new Color(0x4c, 0xaf, 0x50);
    static final Color WARNING = new Color(0xff, 0xa7, 0x26);
    static final Color FAILED = new Color(0xe5, 0x39, 0x35);
    static final Color NEUTRAL = new Color(0x90, 0xa4, 0xae);
    static final Color ACCENT = new Color(0x1e, 0x88, 0xe5);

    private Charts() {
    }

    /** A chart titled {@code title} with a y axis titled {@code unit}, marked {@code id}, filling a grid cell. */
    static Chart bar(Composite parent, String id, String title, String unit) {
        Chart chart = mark(new Chart(parent, SWT.NONE), id);
        chart.getTitle().setText(title);
        chart.getAxisSet().getXAxis(0).getTitle().setVisible(false);
        chart.getAxisSet().getYAxis(0).getTitle().setText(unit);
        chart.getAxisSet().getXAxis(0).enableCategory(true);
        chart.getLegend().setPosition(SWT.BOTTOM);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.minimumHeight = 180;
        chart.setLayoutData(data);
        return chart;
    }

    /** Adds a bar series named {@code name} in {@code color}; {@code stacked} piles it on the others. */
    static void series(Chart chart, String name, Color color, boolean stacked) {
        IBarSeries<?> series = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, name);
        series.setBarColor(color);
        series.setYSeries(new double[] {0}); // stacking reads the series' data
        series.enableStack(stacked);
    }

    /** Shows new categories and values (one array per series, in the order they were added) and rescales. */
    static void show(Chart chart, String[] categories, double[]... values) {
        if (chart.isDisposed()) {
            return;
        }
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.setCategorySeries(categories.length == 0 ? new String[] {"none"} : categories);
        ISeries<?>[] series = chart.getSeriesSet().getSeries();
        for (int i = 0; i < series.length; i++) {
            series[i].setYSeries(categories.length == 0 ? new double[] {0} : values[i]);
        }
        chart.getAxisSet().adjustRange();
        if (chart.getAxisSet().getYAxis(0).getRange().upper < 1) {
            chart.getAxisSet().getYAxis(0).setRange(new Range(0, 1));
        }
        chart.redraw();
    }
}
