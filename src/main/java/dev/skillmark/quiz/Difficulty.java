package dev.skillmark.quiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Difficulty {
    EASY, MEDIUM, HARD;

    public static Optional<Difficulty> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.label().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
