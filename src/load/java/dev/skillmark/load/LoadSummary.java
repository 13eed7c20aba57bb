package dev.skillmark.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the newest Gatling report's statistics table (its index.html) as text: requests, errors, p50, p95 and p99
 * for each request type. Gatling's own console summary gives these for all requests together only.
 * Run by {@code exec:java@load-summary} right after {@code gatling:test} (README, "Load test").
 */
public final class LoadSummary {

    private static final Pattern ROW = Pattern.compile("<tr id=\"(?:ROOT|req_[^\"]*)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private LoadSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
        // only a report written by this Maven run: after a crashed simulation an older one must not pass for it
        long since = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Path report;
        try (Stream<Path> runs = Files.list(results)) {
            report = runs.filter(p -> Files.exists(p.resolve("index.html")) && p.resolve("index.html").toFile().lastModified() >= since)
                    .max(Comparator.comparing(p -> p.resolve("index.html").toFile().lastModified()))
                    .map(p -> p.resolve("index.html"))
                    .orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            report = null;
        }
        if (report == null) {
            System.out.println("No Gatling report from this run in " + results + ": the simulation did not finish (see its log above).");
            System.exit(1);
        }
        String html = Files.readString(report);
        System.out.println();
        System.out.println("Per request type (" + report + "; times in ms):");
        System.out.printf("%-30s %9s %7s %7s %7s %7s %7s %7s%n", "request", "count", "errors", "req/s", "p50", "p95", "p99", "max");
        var rows = ROW.matcher(html);
        while (rows.find()) {
            var name = NAME.matcher(rows.group(1));
            if (!name.find()) {
                continue;
            }
            Map<Integer, String> cells = new HashMap<>();
            var cell = CELL.matcher(rows.group(1));
            while (cell.find()) {
                cells.put(Integer.valueOf(cell.group(1)), cell.group(2).strip());
            }
            if (cells.isEmpty()) {
                continue; // the header's copy of the "All Requests" row
            }
            // the report's columns: 2 total, 4 KO, 6 count/s, 8 50th, 10 95th, 11 99th, 12 max
            System.out.printf("%-30s %9s %7s %7s %7s %7s %7s %7s%n", name.group(1).replace("&amp;", "&"), cells.get(2),
                    cells.get(4), cells.get(6), cells.get(8), cells.get(10), cells.get(11), cells.get(12));
        }
    }
}
