package dev.skillmark.attempt;

import java.util.Collection;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The rendered questions attempts show, each stored once under the hash of its parts (see {@link Snapshots}): a start
 * writes the rows of its own (slots and empty answers), and a question's HTML only the first time any attempt draws it.
 *
 * <p>A stored question is never changed or deleted, so the hashes known to be stored are remembered here: one entry
 * per question version ever drawn, which content files bound, not visitors. A question first drawn is stored in its own
 * transaction before the start's, so the start's never fails on a concurrent start's insert; when two starts (on one
 * instance or two) store the same question at once, the one refused for the duplicate key reads it again and finds it.
 */
final class StoredQuestions {

    private static final int TRIES = 3;
    private final Jdbi jdbi;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    StoredQuestions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the questions not stored yet; committed when this returns. */
    void store(Collection<Snapshots.Question> questions) {
        // inserted in hash order: two starts storing overlapping questions then wait on each other, never deadlock
        var missing = new TreeMap<String, Snapshots.Question>();
        questions.stream().filter(q -> !stored.contains(q.hash())).forEach(q -> missing.putIfAbsent(q.hash(), q));
        if (missing.isEmpty()) {
            return;
        }
        for (int tried = 1; ; tried++) {
            try {
                jdbi.useTransaction(h -> insertAbsent(h, missing));
                break;
            } catch (JdbiException e) {
                if (tried == TRIES || !Finalisation.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        stored.addAll(missing.keySet());
    }

    private static void insertAbsent(Handle h, TreeMap<String, Snapshots.Question> missing) {
        var present = h.createQuery("select snapshot_hash from question_snapshot where snapshot_hash in (<hashes>)")
                .bindList("hashes", missing.keySet()).mapTo(String.class).set();
        var questions = h.prepareBatch("""
            insert into question_snapshot (snapshot_hash, prompt_html, body_html, explanation_html, rubric_html)
            values (:hash, :promptHtml, :bodyHtml, :explanationHtml, :rubricHtml)""");
        var options = h.prepareBatch("""
            insert into question_snapshot_option (snapshot_hash, option_index, html, correct)
            values (:hash, :index, :html, :correct)""");
        int optionRows = 0;
        for (var q : missing.values()) {
            if (present.contains(q.hash())) {
                continue;
            }
            questions.bind("hash", q.hash()).bind("promptHtml", q.promptHtml()).bind("bodyHtml", q.bodyHtml())
                    .bind("explanationHtml", q.explanationHtml()).bind("rubricHtml", q.rubricHtml()).add();
            for (int i = 0; i < q.options().size(); i++) {
                options.bind("hash", q.hash()).bind("index", i).bind("html", q.options().get(i).html())
                        .bind("correct", q.options().get(i).correct()).add();
                optionRows++;
            }
        }
        if (present.size() < missing.size()) {
            questions.execute();
        }
        if (optionRows > 0) {
            options.execute();
        }
    }
}
