package dev.skillmark.quiz;

/** One answer option of a choice question, as rendered HTML. */
public record Option(String html, boolean correct) {
}
