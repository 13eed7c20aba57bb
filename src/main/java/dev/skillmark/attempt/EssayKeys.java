package dev.skillmark.attempt;

import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Draw;
import dev.skillmark.quiz.RubricLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The part of an essay's snapshot interviewers grade with: its rubric lines with points (for tickable
 * criteria) and its model answer. Written with the rest of the snapshot when the attempt starts.
 */
public final class EssayKeys {

    /** What an interviewer sees beside one essay answer. */
    public record Key(List<RubricLine> rubric, String modelAnswerHtml) {
        public Key {
            modelAnswerHtml = SlotSnapshot.focusableCode(modelAnswerHtml);
        }

        public int rubricPoints() {
            return rubric.stream().mapToInt(RubricLine::points).sum();
        }

        /** Whether the points given are not what these ticks propose (a grade adjusted with a reason). */
        public boolean adjusted(List<Integer> ticks, int maxPoints, Double points) {
            return points != null && Math.abs(points - RubricLine.proposed(rubric, ticks == null ? List.of() : ticks, maxPoints)) > 1e-9;
        }

        /** The ticks of a grade in words, for the grade history: "line 1, line 2 (2 of 3), red flag 3". */
        public String describe(List<Integer> ticks) {
            var parts = new ArrayList<String>();
            for (int i = 0; i < rubric.size() && i < ticks.size(); i++) {
                var line = rubric.get(i);
                int t = ticks.get(i);
                if (line.redFlag()) {
                    if (t > 0) {
                        parts.add("red flag " + (i + 1));
                    }
                } else if (line.awardIf().isPresent()) {
                    parts.add("line " + (i + 1) + " (" + t + " of " + line.most() + (line.earned(t) > 0 ? ", earned" : "") + ")");
                } else if (t > 0) {
                    parts.add("line " + (i + 1));
                }
            }
            return parts.isEmpty() ? "no rubric line ticked" : "ticked " + String.join(", ", parts);
        }
    }

    public record LineRow(String attemptId, int slot, int position, String html, int points, Integer awardN, Integer awardM,
                   boolean redFlag) {
    }

    public record ModelRow(String attemptId, int slot, String html) {
    }

    @RegisterConstructorMapper(LineRow.class)
    @RegisterConstructorMapper(ModelRow.class)
    interface Dao {
        @SqlBatch("""
            insert into attempt_rubric_line (attempt_id, slot, position, html, points, award_n, award_m, red_flag)
            values (:attemptId, :slot, :position, :html, :points, :awardN, :awardM, :redFlag)""")
        void insertLines(@BindMethods List<LineRow> rows);

        @SqlBatch("insert into attempt_model_answer (attempt_id, slot, html) values (:attemptId, :slot, :html)")
        void insertModels(@BindMethods List<ModelRow> rows);

        @SqlQuery("select * from attempt_rubric_line where attempt_id = :id order by slot, position")
        List<LineRow> lines(@Bind("id") String attemptId);

        @SqlQuery("select * from attempt_rubric_line where attempt_id = :id and slot = :slot order by position")
        List<LineRow> linesOf(@Bind("id") String attemptId, @Bind("slot") int slot);

        @SqlQuery("select * from attempt_model_answer where attempt_id = :id")
        List<ModelRow> models(@Bind("id") String attemptId);
    }

    private final Jdbi jdbi;

    public EssayKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static RubricLine line(LineRow r) {
        return new RubricLine(SlotSnapshot.focusableCode(r.html()), r.points(), r.awardN() == null ? Optional.empty()
                : Optional.of(new RubricLine.NOfM(r.awardN(), r.awardM())), r.redFlag());
    }

    /** Slot number to key, for the essays of this attempt that have a rubric or a model answer. */
    public Map<Integer, Key> of(String attemptId) {
        return jdbi.withExtension(Dao.class, dao -> {
            var lines = new TreeMap<Integer, List<RubricLine>>();
            dao.lines(attemptId).forEach(r -> lines.computeIfAbsent(r.slot(), k -> new ArrayList<>()).add(line(r)));
            var models = new TreeMap<Integer, String>();
            dao.models(attemptId).forEach(m -> models.put(m.slot(), m.html()));
            var keys = new TreeMap<Integer, Key>();
            lines.keySet().forEach(slot -> keys.put(slot, new Key(lines.get(slot), models.getOrDefault(slot, ""))));
            models.forEach((slot, html) -> keys.putIfAbsent(slot, new Key(List.of(), html)));
            return keys;
        });
    }

    /** Freezes the essays among {@code drawn} (slot i + 1 is drawn.get(i)) inside the attempt's start transaction. */
    static void insert(Handle handle, String attemptId, List<Draw.Drawn> drawn) {
        var lines = new ArrayList<LineRow>();
        var models = new ArrayList<ModelRow>();
        for (int i = 0; i < drawn.size(); i++) {
            if (drawn.get(i).question().key() instanceof AnswerKey.Essay essay) {
                int slot = i + 1;
                for (int p = 0; p < essay.rubric().size(); p++) {
                    var l = essay.rubric().get(p);
                    lines.add(new LineRow(attemptId, slot, p, l.html(), l.points(), l.awardIf().map(RubricLine.NOfM::n).orElse(null),
                            l.awardIf().map(RubricLine.NOfM::m).orElse(null), l.redFlag()));
                }
                if (!essay.modelAnswerHtml().isBlank()) {
                    models.add(new ModelRow(attemptId, slot, essay.modelAnswerHtml()));
                }
            }
        }
        var dao = handle.attach(Dao.class);
        if (!lines.isEmpty()) {
            dao.insertLines(lines);
        }
        if (!models.isEmpty()) {
            dao.insertModels(models);
        }
    }
}
