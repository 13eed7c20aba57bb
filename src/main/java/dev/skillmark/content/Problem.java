package dev.skillmark.content;

/** A problem in a content file, reported as {@code file:line: message}. */
public record Problem(String file, int line, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int byFile = file.compareTo(o.file);
        return byFile != 0 ? byFile : Integer.compare(line, o.line);
    }
}
