package dev.skillmark;

/**
 * The one error path: services throw these, the web layer maps each to a status and one error page.
 * Messages are written for the person who will read them on that page.
 */
public abstract sealed class SkillmarkException extends RuntimeException {

    protected SkillmarkException(String message) {
        super(message);
    }

    public abstract int status();

    public static final class NotFound extends SkillmarkException {
        public NotFound(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 404;
        }
    }

    public static final class InvalidInput extends SkillmarkException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }

        @Override
        public int status() {
            return 400;
        }
    }

    public static final class Forbidden extends SkillmarkException {
        public Forbidden(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 403;
        }
    }

    /** The request conflicts with newer state, e.g. a stale autosave from a second tab. */
    public static final class Conflict extends SkillmarkException {
        public Conflict(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 409;
        }
    }

    /** The attempt no longer takes answers: it was submitted, or its time ran out. */
    public static final class Closed extends SkillmarkException {
        private final String attemptId;

        public Closed(String attemptId, String message) {
            super(message);
            this.attemptId = attemptId;
        }

        public String attemptId() {
            return attemptId;
        }

        @Override
        public int status() {
            return 410;
        }
    }
}
