package dev.skillmark.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A quiz: its settings and draw rules. Every bank also yields a practice quiz of its own. */
public record Quiz(
        String id,
        String title,
        String summary,
        String instructionsHtml,
        Optional<Duration> timeLimit,
        int passMark,
        Mode mode,
        Review review,
        boolean shuffleQuestions,
        boolean shuffleOptions,
        List<DrawRule> rules,
        Source source,
        Optional<Instant> opens,
        Optional<Instant> closes,
        Access access,
        Form form) {

    /** The tag that puts a question in its bank's public-practice pool, which invitation quizzes never draw. */
    public static final String PUBLIC_POOL = "public";

    public Quiz {
        rules = List.copyOf(rules);
    }

    /** A quiz whose candidates each get their own random draw. */
    public Quiz(String id, String title, String summary, String instructionsHtml, Optional<Duration> timeLimit, int passMark,
                Mode mode, Review review, boolean shuffleQuestions, boolean shuffleOptions, List<DrawRule> rules, Source source,
                Optional<Instant> opens, Optional<Instant> closes, Access access) {
        this(id, title, summary, instructionsHtml, timeLimit, passMark, mode, review, shuffleQuestions, shuffleOptions, rules,
                source, opens, closes, access, Form.RANDOM);
    }

    /** A quiz with the default access: invitation only for exams, public for practice. */
    public Quiz(String id, String title, String summary, String instructionsHtml, Optional<Duration> timeLimit, int passMark,
                Mode mode, Review review, boolean shuffleQuestions, boolean shuffleOptions, List<DrawRule> rules, Source source,
                Optional<Instant> opens, Optional<Instant> closes) {
        this(id, title, summary, instructionsHtml, timeLimit, passMark, mode, review, shuffleQuestions, shuffleOptions, rules,
                source, opens, closes, mode == Mode.EXAM ? Access.INVITED : Access.PUBLIC);
    }

    /** Whether a question may be drawn by this quiz: invitation quizzes leave the public-practice pool alone. */
    public boolean mayDraw(Question question) {
        return access == Access.PUBLIC || !question.hasTag(PUBLIC_POOL);
    }

    /** Whether a finished attempt shows the keys: practice always does, an exam only with review: answers. */
    public boolean showsKeys() {
        return mode == Mode.PRACTICE || review == Review.ANSWERS;
    }

    /** Whether candidates may start at this instant (open and close times are optional). */
    public boolean openAt(Instant now) {
        return opens.map(o -> !now.isBefore(o)).orElse(true) && closes.map(now::isBefore).orElse(true);
    }

    public enum Mode { EXAM, PRACTICE }

    /** Who may start it: only someone with an invitation, or anyone (when an admin allows public quizzes). */
    public enum Access { INVITED, PUBLIC }

    /**
     * Which questions a candidate gets: {@code RANDOM}, each attempt its own draw from its seed; {@code FIXED}, one draw
     * for every candidate (the form), made from the quiz's rules and the questions they can draw, so candidates compare
     * question for question. Only the order of questions and options then comes from the attempt's seed.
     */
    public enum Form { RANDOM, FIXED }

    /** What the candidate sees after the attempt is finalised. */
    public enum Review { SCORE, ANSWERS }
}
