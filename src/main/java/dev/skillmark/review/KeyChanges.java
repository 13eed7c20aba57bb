package dev.skillmark.review;

import dev.skillmark.content.Content;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Option;
import dev.skillmark.quiz.Question;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Answer keys that changed after finished attempts were graded with them: the snapshot of each attempt
 * holds the key it was graded with, the catalog holds the key in service now. Only what grading looks at
 * counts (the correct options, the short keys, the numeric range); rewording a prompt is not a key change.
 */
public final class KeyChanges {

    /** "N attempts were graded with an older key of this question", and the quizzes to regrade. */
    public record KeyChange(String questionId, String promptHtml, String source, int attempts, List<String> quizIds) {
    }

    public record Graded(String attemptId, int slot, String questionId, String kind, String contentHash, String answerKeys,
                         Double numericMin, Double numericMax, String quizId) {
    }

    @RegisterConstructorMapper(Graded.class)
    interface Dao {
        @SqlQuery("""
            select q.attempt_id, q.slot, q.question_id, q.kind, q.content_hash, q.answer_keys, q.numeric_min, q.numeric_max,
                   t.quiz_id
            from attempt_question q join attempt t on t.id = q.attempt_id
            where t.status <> 'IN_PROGRESS' and t.trial = false and q.kind <> 'essay'""")
        List<Graded> graded();

        @SqlQuery("""
            select o.html from attempt_question q join question_snapshot_option o on o.snapshot_hash = q.snapshot_hash
            where q.attempt_id = :id and q.slot = :slot and o.correct = true""")
        List<String> correctOptions(@Bind("id") String attemptId, @Bind("slot") int slot);
    }

    private final Jdbi jdbi;
    private final Content content;

    public KeyChanges(Jdbi jdbi, Content content) {
        this.jdbi = jdbi;
        this.content = content;
    }

    public List<KeyChange> current() {
        var catalog = content.current();
        return jdbi.withExtension(Dao.class, dao -> {
            // one group per version of a question that attempts were graded with
            var groups = new LinkedHashMap<String, List<Graded>>();
            for (var g : dao.graded()) {
                var now = catalog.question(g.questionId());
                if (now.isPresent() && !now.get().contentHash().equals(g.contentHash())) {
                    groups.computeIfAbsent(g.questionId() + "@" + g.contentHash(), k -> new ArrayList<>()).add(g);
                }
            }
            var byQuestion = new LinkedHashMap<String, List<Graded>>();
            groups.values().forEach(list -> {
                var sample = list.get(0);
                var now = catalog.question(sample.questionId()).orElseThrow();
                if (keyChanged(now, sample, dao)) {
                    byQuestion.computeIfAbsent(sample.questionId(), k -> new ArrayList<>()).addAll(list);
                }
            });
            var changes = new ArrayList<KeyChange>();
            byQuestion.forEach((id, list) -> {
                var q = catalog.question(id).orElseThrow();
                int attempts = (int) list.stream().map(Graded::attemptId).distinct().count();
                var quizzes = list.stream().map(Graded::quizId).collect(Collectors.toCollection(TreeSet::new));
                changes.add(new KeyChange(id, q.promptHtml(), q.source().toString(), attempts, List.copyOf(quizzes)));
            });
            changes.sort(Comparator.comparing(KeyChange::source));
            return changes;
        });
    }

    private static boolean keyChanged(Question now, Graded old, Dao dao) {
        if (!now.key().typeName().equals(old.kind())) {
            return true;
        }
        if (now.key() instanceof AnswerKey.Choice choice) {
            Set<String> correctNow = choice.options().stream().filter(Option::correct).map(Option::html)
                    .collect(Collectors.toSet());
            return !correctNow.equals(new HashSet<>(dao.correctOptions(old.attemptId(), old.slot())));
        }
        if (now.key() instanceof AnswerKey.ShortText text) {
            return !new HashSet<>(text.keys()).equals(new HashSet<>(Arrays.asList(old.answerKeys().split("\n"))));
        }
        if (now.key() instanceof AnswerKey.Numeric n) {
            return old.numericMin() == null || old.numericMax() == null
                    || Math.abs(n.min() - old.numericMin()) > 1e-12 || Math.abs(n.max() - old.numericMax()) > 1e-12;
        }
        return false;
    }
}
