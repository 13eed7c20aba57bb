package dev.skillmark.attempt;

public record OptionRow(String attemptId, int slot, int position, String html, boolean correct) {
}
