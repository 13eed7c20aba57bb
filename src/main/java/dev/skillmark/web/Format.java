package dev.skillmark.web;

import java.time.Duration;
import java.util.Locale;

/** Formatting helpers for templates, passed in the model as {@code fmt}. */
public final class Format {

    public static final Format INSTANCE = new Format();

    private Format() {
    }

    /** "1 h 5 min", "12 min 5 s", "40 s". */
    public String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            long minutes = (s % 3600) / 60;
            return (s / 3600) + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        if (s >= 60) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return s + " s";
    }

    /** "mm:ss", or "h:mm:ss" for an hour or more, as a countdown shows it. */
    public String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? s / 3600 + ":" + twoDigits((s % 3600) / 60) + ":" + twoDigits(s % 60)
                : twoDigits(s / 60) + ":" + twoDigits(s % 60);
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    /** A count with its noun in the singular or plural: "1 signal", "2 signals", "0 signals". */
    public String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Points without a needless ".0": 3, 2.5, 0.67. */
    public String points(Double p) {
        if (p == null) {
            return "–";
        }
        if (Math.abs(p - Math.rint(p)) < 1e-9) {
            return String.valueOf((long) Math.rint(p));
        }
        return String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "");
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** An instant for people: "2026-11-28 09:15 UTC". */
    public String time(long epochMillis) {
        return TIME.format(java.time.Instant.ofEpochMilli(epochMillis));
    }

    private static final java.time.format.DateTimeFormatter ISO =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The machine-readable UTC form for {@code <time datetime>}: "2026-11-28T09:15:03Z". */
    public String iso(long epochMillis) {
        return ISO.format(java.time.Instant.ofEpochMilli(epochMillis));
    }

    /** To the second, with its zone: "2026-11-28 09:15:03 UTC". */
    public String secondsUtc(long epochMillis) {
        return clockTime(epochMillis) + " UTC";
    }

    public String time(Long epochMillis) {
        return epochMillis == null ? "–" : time(epochMillis.longValue());
    }

    private static final java.time.format.DateTimeFormatter CLOCK_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** To the second, for timelines. */
    public String clockTime(long epochMillis) {
        return CLOCK_TIME.format(java.time.Instant.ofEpochMilli(epochMillis));
    }

    public String between(Long start, Long end) {
        return start == null || end == null ? "" : duration(Duration.ofMillis(end - start));
    }

    /** Two decimals, or a dash when there is no value (too few responses, no variance). */
    public String decimal(java.util.Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("–");
    }

    public String millis(java.util.Optional<Long> value) {
        return value.map(v -> duration(Duration.ofMillis(v))).orElse("–");
    }

    public String letter(int position) {
        return String.valueOf((char) ('A' + position));
    }
}
