package dev.skillmark.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The days typed into a list's "from" and "to" date boxes, in the viewer's time zone: staff.js puts the browser's
 * zone into the form's {@code tz} field; without JavaScript (or with a zone Java does not know) the days are UTC
 * days. From the start of the first day to the end of the last, as epoch milliseconds.
 */
public record DayRange(Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {

    /**
     * Reads the boxes; a day that cannot be read is left out of the range and explained in {@code errors} under
     * {@code from} or {@code to}, beside its box.
     */
    public static DayRange read(String from, String to, String tz, Map<String, String> errors) {
        if (!readable(from)) {
            errors.put("from", "Enter the first day as a date, like 2026-11-28.");
        }
        if (!readable(to)) {
            errors.put("to", "Enter the last day as a date, like 2026-11-30.");
        }
        var range = new DayRange(day(from), day(to), zone(tz));
        if (range.from().isPresent() && range.to().isPresent() && range.to().get().isBefore(range.from().get())) {
            errors.put("to", "The last day is before the first day.");
            return new DayRange(range.from(), Optional.empty(), range.zone());
        }
        return range;
    }

    /** A zone id from the browser ("Europe/Berlin"), or UTC. */
    public static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank() || tz.length() > 64) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public long fromMillis() {
        return from.map(d -> d.atStartOfDay(zone).toInstant().toEpochMilli()).orElse(Long.MIN_VALUE);
    }

    /** The first instant after the last day. */
    public long toMillis() {
        return to.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()).orElse(Long.MAX_VALUE);
    }

    /** The zone as the page names it: "Europe/Berlin" or "UTC". */
    public String zoneName() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public boolean utc() {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** Empty for a blank box and for one that cannot be read. */
    private static Optional<LocalDate> day(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean readable(String text) {
        return text == null || text.isBlank() || day(text).isPresent();
    }
}
