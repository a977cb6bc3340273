package ai.bigdata.core.eval;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the HTML reports: line charts, scatter plots and heat maps. */
final class Svg {
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"};
    private static final int W = 420;
    private static final int H = 300;
    private static final int PAD = 45;

    private Svg() {
    }

    /** One named series of points. */
    record Series(String name, double[] x, double[] y) {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A line chart (or scatter plot when {@code dots}) of several series, axes fitted to the data unless fixed. */
    static String chart(String id, String title, String xLabel, String yLabel, List<Series> series, boolean dots,
            double[] fixedRange) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    minX = Math.min(minX, s.x()[i]);
                    maxX = Math.max(maxX, s.x()[i]);
                    minY = Math.min(minY, s.y()[i]);
                    maxY = Math.max(maxY, s.y()[i]);
                }
            }
        }
        if (fixedRange != null) {
            minX = fixedRange[0];
            maxX = fixedRange[1];
            minY = fixedRange[2];
            maxY = fixedRange[3];
        }
        if (!(maxX > minX)) {
            maxX = minX + 1;
        }
        if (!(maxY > minY)) {
            maxY = minY + 1;
        }
        StringBuilder s = new StringBuilder();
        s.append("<figure><svg id=\"").append(id).append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
                .append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\">");
        s.append("<rect x=\"").append(PAD).append("\" y=\"10\" width=\"").append(W - PAD - 10).append("\" height=\"")
                .append(H - PAD - 10).append("\" fill=\"#fafafa\" stroke=\"#999\"/>");
        s.append(text(PAD, H - 25, f(minX), "start")).append(text(W - 10, H - 25, f(maxX), "end"))
                .append(text(PAD - 4, H - PAD, f(minY), "end")).append(text(PAD - 4, 22, f(maxY), "end"))
                .append(text((W + PAD) / 2, H - 8, escape(xLabel), "middle"))
                .append("<text x=\"12\" y=\"").append(H / 2).append("\" font-size=\"11\" transform=\"rotate(-90 12 ")
                .append(H / 2).append(")\" text-anchor=\"middle\">").append(escape(yLabel)).append("</text>");
        int k = 0;
        for (Series ser : series) {
            String colour = COLOURS[k++ % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < ser.x().length; i++) {
                if (!Double.isFinite(ser.x()[i]) || !Double.isFinite(ser.y()[i])) {
                    continue;
                }
                double px = PAD + (ser.x()[i] - minX) / (maxX - minX) * (W - PAD - 10);
                double py = 10 + (1 - (ser.y()[i] - minY) / (maxY - minY)) * (H - PAD - 10);
                if (dots) {
                    s.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py)).append("\" r=\"1.6\" fill=\"")
                            .append(colour).append("\" fill-opacity=\"0.5\"/>");
                } else {
                    pts.append(f(px)).append(',').append(f(py)).append(' ');
                }
            }
            if (!dots) {
                s.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                        .append(pts.toString().trim()).append("\"/>");
            }
        }
        s.append("</svg><figcaption>").append(escape(title)).append(legend(series)).append("</figcaption></figure>\n");
        return s.toString();
    }

    private static String legend(List<Series> series) {
        StringBuilder s = new StringBuilder("<br>");
        int k = 0;
        for (Series ser : series) {
            s.append("<span style=\"color:").append(COLOURS[k++ % COLOURS.length]).append("\">&#9632; ").append(escape(ser.name()))
                    .append("</span> ");
        }
        return s.toString();
    }

    private static String text(int x, int y, String t, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">" + t + "</text>";
    }

    /** A heat map of counts with row and column labels (a confusion matrix). */
    static String heatMap(String id, String title, List<String> labels, long[][] counts) {
        int n = labels.size();
        int cell = Math.max(18, Math.min(48, 480 / Math.max(n, 1)));
        int left = 110;
        int top = 30;
        int size = left + cell * n + 10;
        long max = 1;
        for (long[] row : counts) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<figure><svg id=\"").append(id).append("\" class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(size).append("\" height=\"").append(top + cell * n + 40).append("\">");
        for (int i = 0; i < n; i++) {
            String label = escape(labels.get(i).length() > 14 ? labels.get(i).substring(0, 13) + "…" : labels.get(i));
            s.append(text(left - 4, top + i * cell + cell / 2 + 4, label, "end"));
            s.append("<text x=\"").append(left + i * cell + cell / 2).append("\" y=\"").append(top + n * cell + 14)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(i).append("</text>");
            for (int j = 0; j < n; j++) {
                double t = (double) counts[i][j] / max;
                int shade = (int) Math.round(255 - t * 200);
                s.append("<rect class=\"cell\" x=\"").append(left + j * cell).append("\" y=\"").append(top + i * cell)
                        .append("\" width=\"").append(cell).append("\" height=\"").append(cell).append("\" fill=\"rgb(")
                        .append(shade).append(',').append(shade).append(",255)\" stroke=\"#fff\"><title>true ").append(label)
                        .append(", predicted ").append(j).append(": ").append(counts[i][j]).append("</title></rect>");
                if (cell >= 24) {
                    s.append(text(left + j * cell + cell / 2, top + i * cell + cell / 2 + 4, Long.toString(counts[i][j]), "middle"));
                }
            }
        }
        s.append(text(left, 16, "rows: true class; columns: predicted class (index)", "start"));
        s.append("</svg><figcaption>").append(escape(title)).append("</figcaption></figure>\n");
        return s.toString();
    }
}
