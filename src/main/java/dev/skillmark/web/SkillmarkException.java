package dev.skillmark.web;

import java.time.Duration;

/**
 * The one error path: services throw these, the web layer maps each to its status, its heading and
 * one error page. Messages are written for the person who will read them on that page.
 */
public abstract sealed class SkillmarkException extends RuntimeException {

    protected SkillmarkException(String message) {
        super(message);
    }

    public abstract int status();

    /** The error page's heading, in the reader's words. */
    public abstract String heading();

    public static final class NotFound extends SkillmarkException {
        public NotFound(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 404;
        }

        @Override
        public String heading() {
            return "Not found";
        }
    }

    /**
     * Form fields that need fixing: {@code problems} maps each field to its message, in the order of the form, so
     * the form can list them all at the top and show each beside its field. {@link #field()} and the message are
     * the first of them.
     */
    public static final class InvalidInput extends SkillmarkException {
        private final java.util.Map<String, String> problems;

        public InvalidInput(String field, String message) {
            this(java.util.Map.of(field, message));
        }

        private InvalidInput(java.util.Map<String, String> problems) {
            super(problems.values().iterator().next());
            this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
        }

        /** Throws one exception naming every problem found, if there is any; {@code problems} in the order of the form. */
        public static void throwIfAny(java.util.Map<String, String> problems) {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }

        public String field() {
            return problems.keySet().iterator().next();
        }

        /** Every field that needs fixing, with its message, in the order of the form. */
        public java.util.Map<String, String> problems() {
            return problems;
        }

        /** The problems keyed {@code prefix + field}, as the page's error map names them. */
        public java.util.Map<String, String> problems(String prefix) {
            var keyed = new java.util.LinkedHashMap<String, String>();
            problems.forEach((field, message) -> keyed.put(prefix + field, message));
            return keyed;
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String heading() {
            return "Please check your input";
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

        @Override
        public String heading() {
            return "Not allowed";
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

        @Override
        public String heading() {
            return "Changed elsewhere";
        }
    }

    /** Too many tries in a short time (sign-in); {@code retryAfter} says when to try again. */
    public static final class Throttled extends SkillmarkException {
        private final Duration retryAfter;

        public Throttled(Duration retryAfter) {
            this(retryAfter, "Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        }

        public Throttled(Duration retryAfter, String message) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public String heading() {
            return "Too many attempts";
        }
    }

    /** Too many saves to one attempt in a short time; {@code retryAfter} says when the next is taken. */
    public static final class TooFast extends SkillmarkException {
        private final Duration retryAfter;

        public TooFast(Duration retryAfter) {
            super("Too many saves in a short time. Your answer is still on the page; it is saved again in "
                    + Math.max(1, retryAfter.toSeconds()) + " seconds.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public String heading() {
            return "Slow down";
        }
    }

    /** The attempt no longer takes answers: it was submitted, or its time ran out. */
    public static final class AttemptClosed extends SkillmarkException {
        private final String attemptId;
        private final boolean timeRanOut;

        public AttemptClosed(String attemptId, boolean timeRanOut, String message) {
            super(message);
            this.attemptId = attemptId;
            this.timeRanOut = timeRanOut;
        }

        public String attemptId() {
            return attemptId;
        }

        @Override
        public int status() {
            return 410;
        }

        @Override
        public String heading() {
            return timeRanOut ? "Time is up" : "This attempt is finished";
        }
    }

    /** An invitation link that can no longer start an attempt; each reason has its own page. */
    public static final class InvitationClosed extends SkillmarkException {
        public enum Reason { WITHDRAWN, EXPIRED, USED }

        private final Reason reason;
        private final String attemptId;

        public InvitationClosed(Reason reason, String message) {
            this(reason, message, null);
        }

        /** {@code attemptId}: the attempt the invitation was used for, whose result the page links to. */
        public InvitationClosed(Reason reason, String message, String attemptId) {
            super(message);
            this.reason = reason;
            this.attemptId = attemptId;
        }

        public Reason reason() {
            return reason;
        }

        public String attemptId() {
            return attemptId;
        }

        @Override
        public int status() {
            return reason == Reason.USED ? 409 : 410;
        }

        @Override
        public String heading() {
            return switch (reason) {
                case WITHDRAWN -> "This invitation was withdrawn";
                case EXPIRED -> "This invitation has expired";
                case USED -> "This invitation was already used";
            };
        }
    }
}
