package io.sigmalang.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the capacity sweep as one PNG: a column of plots sharing the capacity axis, one line per strategy (the
 * lines of strategies that measured the same value lie on top of each other).
 * Rendered off-screen ({@code java.awt.headless} is set before AWT loads).
 */
final class CapacityChart {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};

    private CapacityChart() {
    }

    /** Writes the chart of {@code rows} for {@code strategies} and {@code capacities} to {@code file}. */
    static void write(List<SweepRow> rows, List<String> strategies, List<Integer> capacities, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        NumberAxis capacityAxis = new NumberAxis("pool capacity (buffers of 4,096 bytes)");
        capacityAxis.setRange(0, capacities.get(capacities.size() - 1) + 8.0);
        capacityAxis.setTickUnit(new NumberTickUnit(16));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(capacityAxis);
        plot.setGap(12);
        plot.add(subplot(rows, strategies, "burst", "efficiency, burst (%)", r -> 100 * r.efficiency(), true), 1);
        plot.add(subplot(rows, strategies, "burst", "acquire, burst (ns)", SweepRow::acquireNanos, false), 1);
        plot.add(subplot(rows, strategies, "burst", "peak retained, burst (KiB)",
                r -> r.peakRetainedBytes() / 1024.0, false), 1);
        plot.add(subplot(rows, strategies, "corpus", "acquire, encoding the corpus (ns)", SweepRow::acquireNanos,
                false), 1);
        JFreeChart chart = new JFreeChart("Buffer pools across capacities", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 1100);
    }

    private static XYPlot subplot(List<SweepRow> rows, List<String> strategies, String workload, String label,
            ToDoubleFunction<SweepRow> metric, boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setAutoPopulateSeriesShape(false);
        renderer.setDefaultShape(new Ellipse2D.Double(-4, -4, 8, 8));
        for (int i = 0; i < strategies.size(); i++) {
            String strategy = strategies.get(i);
            XYSeries series = new XYSeries(strategy);
            for (SweepRow row : rows) {
                if (row.workload().equals(workload) && row.strategy().equals(strategy)) {
                    series.add(row.capacity(), metric.applyAsDouble(row));
                }
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        NumberAxis valueAxis = new NumberAxis(label);
        valueAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
