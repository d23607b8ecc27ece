package io.dynofa.profiler.internal;

import io.dynofa.profile.api.LatencyProfile;
import io.dynofa.profile.api.LevelLatency;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Accuracy vs latency of every candidate (Java2D, headless): OFA candidates grey, the width-only
 * series as orange squares joined by a line, the chosen Pareto levels blue, joined and labelled.
 */
final class ProfilePlot {
    static final int WIDTH = 1000;
    static final int HEIGHT = 640;
    private static final Color OFA = new Color(150, 150, 150);
    private static final Color WIDTH_ONLY = new Color(230, 120, 20);
    private static final Color PARETO = new Color(30, 90, 200);
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 70;
    private static final int BOTTOM = 70;

    private ProfilePlot() {
    }

    static void write(LatencyProfile p, Path png) throws IOException {
        if (!ImageIO.write(render(p), "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    static BufferedImage render(LatencyProfile p) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, p);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, LatencyProfile p) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        List<LevelLatency> levels = p.levels();
        double xRaw = levels.stream().mapToDouble(LevelLatency::medianMs).max().orElse(1) * 1.05;
        double xStep = nice(xRaw / 8);
        double xMax = Math.ceil(xRaw / xStep) * xStep;
        double yLo = Math.floor(levels.stream().mapToDouble(LevelLatency::top1).min().orElse(0) - 1);
        double yHi = Math.ceil(levels.stream().mapToDouble(LevelLatency::top1).max().orElse(100) + 1);
        Axes axes = new Axes(0, xMax, yLo, yHi);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%s %s on %s: top-1 vs batch-1 median latency", p.familyId(),
            p.familyVersion(), p.backendId()), LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(p.host() + " | " + p.cpuModel() + " | " + p.backendDescription() + " | " + p.date(), LEFT, 48);

        drawGrid(g, axes);

        List<LevelLatency> width = levels.stream().filter(l -> Headline.WIDTH_ONLY.equals(l.series()))
            .sorted(Comparator.comparingDouble(LevelLatency::medianMs)).toList();
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0));
        g.setColor(WIDTH_ONLY);
        g.draw(line(axes, width));
        g.setStroke(new BasicStroke(1f));
        for (LevelLatency l : levels) {
            double x = axes.x(l.medianMs());
            double y = axes.y(l.top1());
            if (Headline.WIDTH_ONLY.equals(l.series())) {
                g.setColor(WIDTH_ONLY);
                g.fill(new Rectangle2D.Double(x - 4.5, y - 4.5, 9, 9));
            } else {
                g.setColor(OFA);
                g.fill(new Ellipse2D.Double(x - 4, y - 4, 8, 8));
            }
        }

        List<LevelLatency> pareto = p.paretoLevels();
        g.setColor(PARETO);
        g.setStroke(new BasicStroke(2.2f));
        g.draw(line(axes, pareto));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < pareto.size(); i++) {
            LevelLatency l = pareto.get(i);
            double x = axes.x(l.medianMs());
            double y = axes.y(l.top1());
            g.draw(new Ellipse2D.Double(x - 7, y - 7, 14, 14));
            g.drawString(i + ": " + l.levelId(), (float) x + 9, (float) y + 15);
        }
        drawLegend(g);
    }

    private static void drawGrid(Graphics2D g, Axes a) {
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        double xStep = nice(a.xMax / 8.0001);
        for (double v = 0; v <= a.xMax + 1e-9; v += xStep) {
            int x = (int) Math.round(a.x(v));
            g.setColor(new Color(232, 232, 232));
            g.drawLine(x, TOP, x, plotBottom);
            g.setColor(Color.DARK_GRAY);
            String label = format(v, xStep);
            g.drawString(label, x - fm.stringWidth(label) / 2, plotBottom + 18);
        }
        double yStep = nice((a.yHi - a.yLo) / 8);
        for (double v = Math.ceil(a.yLo / yStep) * yStep; v <= a.yHi + 1e-9; v += yStep) {
            int y = (int) Math.round(a.y(v));
            g.setColor(new Color(232, 232, 232));
            g.drawLine(LEFT, y, plotRight, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(v, yStep);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotRight - LEFT, plotBottom - TOP);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        String xLabel = "median latency, batch 1 (ms)";
        g.drawString(xLabel, (LEFT + plotRight - g.getFontMetrics().stringWidth(xLabel)) / 2, HEIGHT - 22);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String yLabel = "top-1 accuracy (%)";
        rotated.drawString(yLabel, -(TOP + plotBottom + rotated.getFontMetrics().stringWidth(yLabel)) / 2, 24);
        rotated.dispose();
    }

    private static void drawLegend(Graphics2D g) {
        int x = WIDTH - RIGHT - 230;
        int y = HEIGHT - BOTTOM - 80;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x, y, 220, 70);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, 220, 70);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(OFA);
        g.fill(new Ellipse2D.Double(x + 12, y + 10, 8, 8));
        g.setColor(Color.BLACK);
        g.drawString("OFA candidates", x + 30, y + 19);
        g.setColor(WIDTH_ONLY);
        g.fill(new Rectangle2D.Double(x + 11.5, y + 29.5, 9, 9));
        g.setColor(Color.BLACK);
        g.drawString("width-only series", x + 30, y + 39);
        g.setColor(PARETO);
        g.setStroke(new BasicStroke(2.2f));
        g.draw(new Ellipse2D.Double(x + 9, y + 47, 14, 14));
        g.setColor(Color.BLACK);
        g.drawString("chosen Pareto levels", x + 30, y + 59);
    }

    private static Path2D line(Axes a, List<LevelLatency> points) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            double x = a.x(points.get(i).medianMs());
            double y = a.y(points.get(i).top1());
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double nice(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String format(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private record Axes(double xMin, double xMax, double yLo, double yHi) {
        double x(double v) {
            return LEFT + (v - xMin) / (xMax - xMin) * (WIDTH - RIGHT - LEFT);
        }

        double y(double v) {
            return HEIGHT - BOTTOM - (v - yLo) / (yHi - yLo) * (HEIGHT - BOTTOM - TOP);
        }
    }
}
