package dev.skillmark.quiz;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a numeric answer is read: digits with an optional sign, one decimal point or comma, an
 * optional exponent, and spaces around it. "8", " -0,25 ", "1.5e3" are numbers; "8 connections",
 * "1,000.5" and "8.0.1" are not (thousand separators are not accepted).
 */
public final class Numbers {

    /** What the question page says about the format. */
    public static final String FORMAT = "a number such as 8, -2.5 or 0,25 (no units, no thousand separators)";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    public static Optional<Double> parse(String text) {
        String t = text.strip();
        return NUMBER.matcher(t).matches() ? Optional.of(Double.parseDouble(t.replace(',', '.'))) : Optional.empty();
    }
}
