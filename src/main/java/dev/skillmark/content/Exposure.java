package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.quiz.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an invitation quiz can draw a question that a public quiz (or a bank's public practice) shows
 * with its key: a candidate could study it before the interview. Computed once per content load.
 */
public final class Exposure {

    /** One invitation quiz's draw rule sharing questions with one public quiz's draw rule. */
    public record Overlap(Quiz invited, Source invitedRule, Quiz shown, Source shownRule, List<String> questionIds) {

        /** The warning at the invitation quiz's rule, naming the other side's file and line. */
        public Problem warning() {
            String shownWhat = shown.id().startsWith(ContentLoader.PRACTICE_PREFIX) ? "public practice of '" + shown.title() + "'"
                    : "public quiz '" + shown.id() + "'";
            var sample = questionIds.stream().limit(5).toList();
            return new Problem(invitedRule.file(), invitedRule.line(), "warning: invitation quiz '" + invited.id() + "' can draw "
                    + dev.skillmark.web.Format.INSTANCE.count(questionIds.size(), "question", "questions") + " that " + shownWhat + " (" + shownRule.file() + ":" + shownRule.line()
                    + ") shows with the key: " + String.join(", ", sample) + (questionIds.size() > sample.size() ? ", ..." : "")
                    + ". Tag public-practice questions 'public' (invitation quizzes never draw them) or keep the quizzes apart.");
        }
    }

    private Exposure() {
    }

    static List<Overlap> find(Map<String, Bank> banks, Map<String, Quiz> quizzes, Map<String, Question> questions) {
        var shown = quizzes.values().stream().filter(q -> q.access() == Quiz.Access.PUBLIC && q.showsKeys())
                .sorted(java.util.Comparator.comparing(Quiz::id)).toList();
        var invited = quizzes.values().stream().filter(q -> q.access() == Quiz.Access.INVITED)
                .sorted(java.util.Comparator.comparing(Quiz::id)).toList();
        record Shown(Quiz quiz, DrawRule rule, Set<String> drawable) {
        }
        // each public rule's questions once, not once for every invitation rule they are compared with
        var shownRules = shown.stream().flatMap(q -> q.rules().stream().map(r -> new Shown(q, r, drawable(q, r, banks, questions))))
                .toList();
        var overlaps = new ArrayList<Overlap>();
        for (Quiz quiz : invited) {
            for (DrawRule rule : quiz.rules()) {
                var mine = drawable(quiz, rule, banks, questions);
                for (Shown theirs : shownRules) {
                    var common = new LinkedHashSet<>(mine);
                    common.retainAll(theirs.drawable());
                    if (!common.isEmpty()) {
                        overlaps.add(new Overlap(quiz, rule.source(), theirs.quiz(), theirs.rule().source(), List.copyOf(common)));
                    }
                }
            }
        }
        return overlaps;
    }

    /** Every question this rule could ever draw for this quiz, whatever the seed. */
    private static Set<String> drawable(Quiz quiz, DrawRule rule, Map<String, Bank> banks, Map<String, Question> questions) {
        var ids = new LinkedHashSet<String>();
        if (rule instanceof DrawRule.FromBank fromBank && banks.containsKey(fromBank.bankId())) {
            banks.get(fromBank.bankId()).questions().stream().filter(fromBank::matches).filter(quiz::mayDraw)
                    .forEach(q -> ids.add(q.id()));
        } else if (rule instanceof DrawRule.Fixed fixed) {
            fixed.ids().stream().filter(questions::containsKey).forEach(ids::add);
        }
        return ids;
    }

    /** For the admin: which invitation quizzes share questions with public practice, by quiz id. */
    static Map<String, Integer> withPublicPractice(List<Overlap> overlaps) {
        var counts = new LinkedHashMap<String, Set<String>>();
        overlaps.stream().filter(o -> o.shown().id().startsWith(ContentLoader.PRACTICE_PREFIX))
                .forEach(o -> counts.computeIfAbsent(o.invited().title(), k -> new LinkedHashSet<>()).addAll(o.questionIds()));
        var result = new LinkedHashMap<String, Integer>();
        counts.forEach((k, v) -> result.put(k, v.size()));
        return result;
    }
}
