package org.sansho.benchmark.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.targets.Measured;
import org.sansho.benchmark.targets.Targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects what a run measured and writes it as JSON, a Markdown table and an HTML page of latency plots. */
public final class Report implements Measured {

    /** One measured load, in the group it is plotted with; {@code cpu} is where its processor time went. */
    public record Entry(String group, String name, Load.Result result, String note, CpuMeter.Usage cpu) {
    }

    private static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9, 99.99, 100};

    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Double> firstStartMillis = new LinkedHashMap<>();
    private final Map<String, Double> startMillis = new LinkedHashMap<>();
    private final Map<String, Double> rssMegabytes = new LinkedHashMap<>();
    private final Map<String, StartupSteps> restartSteps = new LinkedHashMap<>();
    private final Targets targets = new Targets();

    /** A fact of the run (the machine, the form, what a stage found), listed at the top of result.md. */
    public void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** One measured load, in the group it is plotted with. */
    public Entry add(String group, String name, Load.Result result, String note, CpuMeter.Usage cpu) {
        Entry e = new Entry(group, name, result, note, cpu);
        entries.add(e);
        return e;
    }

    /** The load recorded under {@code name}, or null. */
    public Load.Result result(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).map(Entry::result).findFirst().orElse(null);
    }

    /** A process's first start, on an empty database (not a target). */
    public void firstStart(String process, double millis) {
        firstStartMillis.put(process, millis);
    }

    /** A process's restart alone (the start-up the target judges) and the steps its log shows. */
    public void restart(String process, double millis, StartupSteps steps) {
        startMillis.put(process, millis);
        restartSteps.put(process, steps);
    }

    /** A process's RSS after the loads. */
    public void rss(String process, double megabytes) {
        rssMegabytes.put(process, megabytes);
    }

    public Targets targets() {
        return targets;
    }

    @Override
    public double requestsPerSecond(String load) {
        Load.Result r = result(load);
        return r == null ? Double.NaN : r.requestsPerSecond();
    }

    @Override
    public double p50Millis(String load) {
        Load.Result r = result(load);
        return r == null ? Double.NaN : r.percentileMillis(50);
    }

    @Override
    public double p99Millis(String load) {
        Load.Result r = result(load);
        return r == null ? Double.NaN : r.percentileMillis(99);
    }

    @Override
    public Map<String, Double> restartMillis() {
        return Collections.unmodifiableMap(startMillis);
    }

    @Override
    public Map<String, Double> rssMegabytes() {
        return Collections.unmodifiableMap(rssMegabytes);
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("result.json"), json(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("result.md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latency.html"), html(), StandardCharsets.UTF_8);
    }

    public String json() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", facts);
        List<Map<String, Object>> loads = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", e.group());
            m.put("name", e.name());
            m.put("model", e.result().model());
            m.put("requestsPerSecond", round(e.result().requestsPerSecond()));
            m.put("count", e.result().count());
            m.put("errors", e.result().errors());
            m.put("seconds", round(e.result().seconds()));
            Map<String, Object> p = new LinkedHashMap<>();
            for (double q : PERCENTILES) {
                p.put("p" + label(q), round(e.result().percentileMillis(q)));
            }
            m.put("latencyMillis", p);
            if (e.note() != null) {
                m.put("note", e.note());
            }
            if (e.cpu() != null) {
                Map<String, Object> cpu = new LinkedHashMap<>();
                e.cpu().millisPerRequest().forEach((role, ms) -> cpu.put(role, round(ms)));
                m.put("cpuMillisPerRequest", cpu);
                m.put("busyCores", round(e.cpu().busyCores()));
            }
            loads.add(m);
        }
        root.put("loads", loads);
        root.put("firstStartMillis", firstStartMillis);
        root.put("startMillis", startMillis);
        root.put("rssMegabytes", rssMegabytes);
        Map<String, Object> steps = new LinkedHashMap<>();
        restartSteps.forEach((name, st) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quarkusStartedMillis", st.quarkusMillis().isPresent() ? round(st.quarkusMillis().getAsDouble()) : null);
            m.put("stepsMillis", st.stepMillis());
            steps.put(name, m);
        });
        root.put("restartSteps", steps);
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Targets.Target t : targets.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", t.name());
            m.put("rule", t.rule());
            m.put("measured", round(t.measured()));
            m.put("reference", round(t.reference()));
            m.put("ratio", round(t.ratio()));
            m.put("met", t.met());
            ts.add(m);
        }
        root.put("targets", ts);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# Sansho benchmark result\n\n");
        facts.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append("\n## Targets\n\n| target | rule | measured | reference | ratio | |\n|---|---|---:|---:|---:|---|\n");
        for (Targets.Target t : targets.all()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", t.name(), t.rule(),
                    num(t.measured()), num(t.reference()), num(t.ratio()), t.met() ? "met" : "**not met**"));
        }
        b.append("\n## Loads\n\n| group | load | model | req/s | p50 ms | p95 ms | p99 ms | max ms | n | errors | note |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Entry e : entries) {
            Load.Result r = e.result();
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s |%n",
                    e.group(), e.name(), r.model(), num(r.requestsPerSecond()), num(r.percentileMillis(50)),
                    num(r.percentileMillis(95)), num(r.percentileMillis(99)), num(r.maxMillis()), r.count(),
                    r.errors(), e.note() == null ? "" : e.note()));
        }
        b.append("\n## Processor time per request\n\nCPU milliseconds each process used during the measurement, "
                + "divided by the requests measured (the background work a request causes included).\n\n")
                .append("| load | CPU ms per request, by process | cores busy |\n|---|---|---:|\n");
        for (Entry e : entries) {
            if (e.cpu() != null) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", e.name(), cpuByProcess(e.cpu()),
                        num(e.cpu().busyCores())));
            }
        }
        b.append("\n## Start-up and memory\n\n| process | restart: process start → health UP (ms) | first start on an empty database (ms) | RSS after warm-up (MB) |\n|---|---:|---:|---:|\n");
        for (String name : firstStartMillis.keySet()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name,
                    num(startMillis.getOrDefault(name, Double.NaN)), num(firstStartMillis.get(name)),
                    num(rssMegabytes.getOrDefault(name, Double.NaN))));
        }
        if (!restartSteps.isEmpty()) {
            b.append("\n## Where a restart's time went\n\nQuarkus' own start (its \"started in\") and its longest runtime "
                    + "steps, as the restart printed them (`" + StartupSteps.OPTION + "`); before Quarkus' start, the JVM "
                    + "starts and maps its class archive.\n\n| process | restart (ms) | Quarkus' start (ms) | before it (ms) "
                    + "| longest steps (ms) |\n|---|---:|---:|---:|---|\n");
            restartSteps.forEach((name, st) -> {
                double restart = startMillis.getOrDefault(name, Double.NaN);
                double quarkus = st.quarkusMillis().orElse(Double.NaN);
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, num(restart), num(quarkus),
                        num(restart - quarkus), st.longestList(6)));
            });
        }
        return b.toString();
    }

    /** Percentile distribution plots (x: percentile on the usual 1/(1-p) scale, y: ms), one per group. */
    public String html() {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sansho benchmark")
                .append("</title><style>body{font-family:sans-serif;margin:2em}svg{background:#fafafa;border:1px solid #ccc}")
                .append("</style></head><body><h1>Sansho benchmark: latency distributions</h1>");
        String[] colours = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf"};
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        int w = 760, h = 360, left = 60, bottom = 40, top = 20, right = 220;
        double maxX = Math.log10(1 / (1 - 0.9999));
        for (var group : groups.entrySet()) {
            double maxY = 0;
            for (Entry e : group.getValue()) {
                maxY = Math.max(maxY, e.result().percentileMillis(99.99));
            }
            maxY = maxY <= 0 || Double.isNaN(maxY) ? 1 : maxY * 1.1;
            b.append("<h2>").append(escape(group.getKey())).append("</h2>");
            b.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\">", w, h));
            int plotW = w - left - right, plotH = h - top - bottom;
            for (double q : new double[]{0, 90, 99, 99.9, 99.99}) {
                double x = left + plotW * Math.log10(1 / (1 - q / 100)) / maxX;
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">p%s</text>",
                        x, top, x, top + plotH, x, h - bottom + 15, label(q)));
            }
            for (int i = 0; i <= 4; i++) {
                double y = top + plotH - plotH * i / 4.0;
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s ms</text>",
                        left - 5, y + 4, num(maxY * i / 4)));
            }
            int i = 0;
            for (Entry e : group.getValue()) {
                String colour = colours[i % colours.length];
                StringBuilder points = new StringBuilder();
                for (double q = 0; q <= 99.99; q = q < 90 ? q + 5 : q < 99 ? q + 0.5 : q < 99.9 ? q + 0.05 : q + 0.01) {
                    double v = e.result().percentileMillis(q);
                    if (Double.isNaN(v)) {
                        break;
                    }
                    double x = left + plotW * Math.log10(1 / (1 - q / 100)) / maxX;
                    double y = top + plotH - plotH * Math.min(v, maxY) / maxY;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                        colour, points));
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>",
                        w - right + 10, top + 15 + 16 * i, colour, escape(e.name())));
                i++;
            }
            b.append("</svg>");
        }
        b.append("<h2>Numbers</h2><pre>").append(escape(markdown())).append("</pre></body></html>\n");
        return b.toString();
    }

    /** The processes that used a measurable share, e.g. {@code contract-service 11.0, postgres 3.17}. */
    public static String cpuByProcess(CpuMeter.Usage usage) {
        StringBuilder b = new StringBuilder();
        usage.millisPerRequest().forEach((role, ms) -> {
            if (ms >= 0.05) {
                b.append(b.isEmpty() ? "" : ", ").append(role).append(' ').append(num(ms));
            }
        });
        return b.toString();
    }

    /** {@link #cpuByProcess} and how busy the machine was, for a progress line. */
    public static String cpuSummary(CpuMeter.Usage usage) {
        return cpuByProcess(usage) + String.format(" (CPU ms/request; %.2f of %d cores busy)", usage.busyCores(),
                usage.cores());
    }

    public static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "–";
        }
        if (Math.abs(d) >= 100) {
            return String.format(Locale.ROOT, "%.0f", d);
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 10 ? "%.1f" : "%.2f", d);
    }

    private static Object round(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : Math.round(d * 1000) / 1000.0;
    }

    private static String label(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
