package dev.skillmark.attempt;

import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Draw;
import dev.skillmark.quiz.Grading;
import java.util.ArrayList;
import java.util.List;

/** Freezes a drawn question into the rows an attempt keeps for good. */
final class Snapshots {

    private Snapshots() {
    }

    static SlotSnapshot slot(String attemptId, int slot, Draw.Drawn drawn, String area) {
        var q = drawn.question();
        String keys = "";
        Double min = null;
        Double max = null;
        String display = "";
        String rubric = "";
        if (q.key() instanceof AnswerKey.ShortText s) {
            keys = SlotSnapshot.encodeKeys(s.keys());
            // candidates see one readable accepted answer, never a raw regular expression
            display = s.keys().stream().filter(k -> !Grading.isRegex(k)).findFirst().orElse("");
        } else if (q.key() instanceof AnswerKey.Numeric n) {
            min = n.min();
            max = n.max();
            display = n.display();
        } else if (q.key() instanceof AnswerKey.Essay e) {
            rubric = e.rubricHtml();
        }
        return new SlotSnapshot(attemptId, slot, q.id(), q.bankId(), area, q.key().typeName(), q.source().toString(),
                q.promptHtml(), q.bodyHtml(), q.explanationHtml(), rubric, keys, min, max, display, q.points(),
                q.contentHash());
    }

    static List<OptionSnapshot> options(String attemptId, int slot, Draw.Drawn drawn) {
        var rows = new ArrayList<OptionSnapshot>();
        if (drawn.question().key() instanceof AnswerKey.Choice choice) {
            for (int position = 0; position < drawn.optionOrder().size(); position++) {
                var option = choice.options().get(drawn.optionOrder().get(position));
                rows.add(new OptionSnapshot(attemptId, slot, position, option.html(), option.correct()));
            }
        }
        return rows;
    }
}
