package dev.skillmark.attempt;

public record OptionSnapshot(String attemptId, int slot, int position, String html, boolean correct) {
}
