package dev.skillmark.quiz;

/** Where a thing was written: a content file relative to the content folder, and a 1-based line. */
public record Source(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
