package dev.skillmark.review;

import dev.skillmark.account.Settings;
import dev.skillmark.attempt.OptionSnapshot;
import dev.skillmark.content.Content;
import dev.skillmark.quiz.Score;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * Item statistics from finished, counted attempts. Anonymous: no names are read.
 * Discrimination is the corrected item-total correlation (the question's score against the score on
 * the rest of the attempt): unlike the plain point-biserial it does not count the question against
 * itself, which would flatter every question on a short quiz. Flags need {@link #MIN_RESPONSES_FOR_FLAGS}
 * graded responses; "discriminates negatively" needs the whole 95 % interval below zero.
 */
public final class Statistics {

    public static final int MIN_RESPONSES_FOR_FLAGS = 30;
    public static final int DEFAULT_EXPOSURE_THRESHOLD = 200;
    static final int WRONG_RESPONSES_SHOWN = 5;

    /** Which attempts count: of one quiz or all, finished in [from, to) (epoch ms, either open). */
    public record Filter(Optional<String> quizId, Optional<Long> from, Optional<Long> to) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public record Response(String attemptId, int slot, String questionId, String bankId, String kind, int points,
                           String source, String snapshotHash, Double earned, String response, Long timeSpentMs,
                           Double score, double maxScore) {

        /**
         * Written out: a query of 150,000 rows (5,000 attempts of 30) spent most of its first, cold run in the
         * constructor mapper's per-column lookups. Columns in the order of {@link Dao#responses}.
         */
        public static final class Row implements RowMapper<Response> {
            @Override
            public Response map(ResultSet rs, StatementContext ctx) throws SQLException {
                double earned = rs.getDouble(9);
                Double earnedOrNull = rs.wasNull() ? null : earned;
                long spent = rs.getLong(11);
                Long spentOrNull = rs.wasNull() ? null : spent;
                double score = rs.getDouble(12);
                Double scoreOrNull = rs.wasNull() ? null : score;
                return new Response(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), earnedOrNull, rs.getString(10), spentOrNull,
                        scoreOrNull, rs.getDouble(13));
            }
        }
    }

    public record ExposureRow(String questionId, String mode, int attempts) {
    }

    @RegisterConstructorMapper(ExposureRow.class)
    interface Dao {
        String COUNTED = """
            t.status <> 'IN_PROGRESS' and t.trial = false and (:quiz = '' or t.quiz_id = :quiz)
            and coalesce(t.finished_at, t.started_at) >= :from and coalesce(t.finished_at, t.started_at) < :to""";

        String RESPONSES = """
            select q.attempt_id, q.slot, q.question_id, q.bank_id, q.kind, q.points, q.source, q.snapshot_hash,
                   a.points as earned, a.response, a.time_spent_ms, t.score, t.max_score
            from attempt_question q
            join answer a on a.attempt_id = q.attempt_id and a.slot = q.slot
            join attempt t on t.id = q.attempt_id
            where""";
        String IN_ORDER = " order by t.started_at, q.attempt_id, q.slot";

        @SqlQuery(RESPONSES + " " + COUNTED + IN_ORDER)
        @UseRowMapper(Response.Row.class)
        List<Response> responses(@Bind("quiz") String quiz, @Bind("from") long from, @Bind("to") long to);

        /** The same for one bank's questions, read through the index on the bank: a tenth of the rows, cold or not. */
        @SqlQuery(RESPONSES + " q.bank_id = :bank and " + COUNTED + IN_ORDER)
        @UseRowMapper(Response.Row.class)
        List<Response> responsesInBank(@Bind("bank") String bankId, @Bind("quiz") String quiz, @Bind("from") long from,
                                       @Bind("to") long to);

        /** In no order: the mapper places each option at its position in its slot. */
        @SqlQuery(OptionSnapshot.SHOWN + " join attempt t on t.id = q.attempt_id where q.bank_id = :bank and " + COUNTED)
        @UseRowMapper(OptionSnapshot.Shown.class)
        List<OptionSnapshot> options(@Bind("bank") String bankId, @Bind("quiz") String quiz, @Bind("from") long from,
                                @Bind("to") long to);

        /** Every attempt that showed a question, finished or not, trial runs left out; practice is public. */
        String EXPOSED = """
            select q.question_id, t.mode, count(*) as attempts
            from attempt_question q join attempt t on t.id = q.attempt_id
            where""";
        String BY_QUESTION = " t.trial = false group by q.question_id, t.mode";

        @SqlQuery(EXPOSED + BY_QUESTION)
        List<ExposureRow> exposure();

        /** The same for one bank's questions. */
        @SqlQuery(EXPOSED + " q.bank_id = :bank and" + BY_QUESTION)
        List<ExposureRow> exposureInBank(@Bind("bank") String bankId);

        /** The prompt an attempt showed, for a question no longer in the content. */
        @SqlQuery("select prompt_html from question_snapshot where snapshot_hash = :hash")
        String prompt(@Bind("hash") String snapshotHash);
    }

    public record OptionShare(String html, boolean correct, int chosen, double share) {
        public int percent() {
            return Score.percentOf(share);
        }
    }

    /** A wrong short or numeric response, as typed (trimmed, case and spacing folded), and how often. */
    public record WrongResponse(String text, int count) {
    }

    /** How many attempts showed the question: exams and invitations, and public practice. */
    public record Exposure(int attempts, int publicViews) {
        public int total() {
            return attempts + publicViews;
        }
    }

    public record Item(String questionId, String bankId, String kind, String source, String promptHtml, int responses,
                       Optional<Double> facility, Optional<ItemMath.Interval> facilityInterval,
                       Optional<Double> discrimination, Optional<ItemMath.Interval> discriminationInterval,
                       Optional<Long> medianMillis, List<OptionShare> options, List<WrongResponse> wrongResponses,
                       Exposure exposure, List<String> flags) {
        /** Facility as a whole percentage, rounded like every other percentage; empty when nothing is graded. */
        public Optional<Integer> facilityPercent() {
            return facility.map(Score::percentOf);
        }

        public Optional<String> facilityRange() {
            return facilityInterval.map(i -> Score.percentOf(i.low()) + "–" + Score.percentOf(i.high()) + "%");
        }

        public Optional<String> discriminationRange() {
            return discriminationInterval.map(i -> String.format(Locale.ROOT, "%.2f to %.2f", i.low(), i.high()));
        }
    }

    public record BankSummary(String bankId, String title, int questions, int responses, Optional<Double> facility, int flagged) {
        public Optional<Integer> facilityPercent() {
            return facility.map(Score::percentOf);
        }
    }

    private final Jdbi jdbi;
    private final Content content;
    private final Settings settings;

    public Statistics(Jdbi jdbi, Content content, Settings settings) {
        this.jdbi = jdbi;
        this.content = content;
        this.settings = settings;
    }

    /** Above this many views of a question (attempts and public views together), it is flagged as exposed. */
    public int exposureThreshold() {
        return settings.number(Settings.EXPOSURE_THRESHOLD).orElse(DEFAULT_EXPOSURE_THRESHOLD);
    }

    /** One row per question answered in the attempts the filter keeps; distractors only for one bank. */
    public List<Item> items(Optional<String> bankId, Filter filter) {
        String quiz = filter.quizId().orElse("");
        long from = filter.from().orElse(Long.MIN_VALUE);
        long to = filter.to().orElse(Long.MAX_VALUE);
        var responses = jdbi.withExtension(Dao.class, dao -> bankId.map(b -> dao.responsesInBank(b, quiz, from, to))
                .orElseGet(() -> dao.responses(quiz, from, to)));
        var options = bankId.map(b -> jdbi.withExtension(Dao.class, dao -> dao.options(b, quiz, from, to))).orElse(List.of());
        var optionsBySlot = new HashMap<String, List<OptionSnapshot>>();
        options.stream().sorted(OptionSnapshot.SHOWN_ORDER).forEach(o -> optionsBySlot.computeIfAbsent(o.attemptId() + "#" + o.slot(), k -> new ArrayList<>()).add(o));
        var exposure = new HashMap<String, int[]>();
        jdbi.withExtension(Dao.class, dao -> bankId.map(dao::exposureInBank).orElseGet(dao::exposure))
                .forEach(e -> exposure.computeIfAbsent(e.questionId(), k -> new int[2])[e.mode().equals("PRACTICE") ? 1 : 0] += e.attempts());
        int threshold = exposureThreshold();
        var byQuestion = new LinkedHashMap<String, List<Response>>();
        responses.forEach(r -> byQuestion.computeIfAbsent(r.questionId(), k -> new ArrayList<>()).add(r));
        var items = new ArrayList<Item>();
        byQuestion.forEach((id, list) -> {
            int[] seen = exposure.getOrDefault(id, new int[2]);
            items.add(item(id, list, optionsBySlot, new Exposure(seen[0], seen[1]), threshold));
        });
        items.sort(Comparator.comparing(Item::bankId).thenComparing(Item::source, Statistics::bySourceLine));
        return items;
    }

    public List<BankSummary> banks(List<Item> items) {
        var catalog = content.current();
        var summaries = new ArrayList<BankSummary>();
        var byBank = new LinkedHashMap<String, List<Item>>();
        items.forEach(i -> byBank.computeIfAbsent(i.bankId(), k -> new ArrayList<>()).add(i));
        byBank.forEach((bank, list) -> {
            var graded = list.stream().flatMap(i -> i.facility().stream()).mapToDouble(Double::doubleValue).average();
            summaries.add(new BankSummary(bank, catalog.bank(bank).map(b -> b.title()).orElse(bank + " (no longer in content)"),
                    list.size(), list.stream().mapToInt(Item::responses).sum(),
                    graded.isPresent() ? Optional.of(graded.getAsDouble()) : Optional.empty(),
                    (int) list.stream().filter(i -> !i.flags().isEmpty()).count()));
        });
        return summaries;
    }

    private Item item(String questionId, List<Response> list, Map<String, List<OptionSnapshot>> optionsBySlot, Exposure exposure,
                      int threshold) {
        var graded = list.stream().filter(r -> r.earned() != null).toList();
        var first = list.get(0);
        var current = content.current().question(questionId);
        String source = current.map(q -> q.source().toString()).orElse(first.source());
        String prompt = current.map(q -> q.promptHtml()).orElseGet(() -> jdbi.withExtension(Dao.class, dao -> dao.prompt(first.snapshotHash())));
        int n = graded.size();
        Optional<Double> facility = n == 0 ? Optional.empty()
                : Optional.of(graded.stream().mapToDouble(r -> r.earned() / r.points()).average().orElse(0));
        var discrimination = ItemMath.correlation(graded.stream().map(Statistics::pair).toList());
        var times = list.stream().map(Response::timeSpentMs).filter(t -> t != null).sorted().toList();
        Optional<Long> median = times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() / 2));
        var facilityInterval = facility.flatMap(f -> ItemMath.wilson(f, n));
        var discriminationInterval = discrimination.flatMap(r -> ItemMath.fisher(r, n));
        var flags = new ArrayList<String>();
        if (n >= MIN_RESPONSES_FOR_FLAGS) {
            facility.filter(f -> f > 0.9).ifPresent(f -> flags.add("too easy"));
            facility.filter(f -> f < 0.25).ifPresent(f -> flags.add("too hard"));
            discriminationInterval.filter(i -> i.high() < 0).ifPresent(i -> flags.add("discriminates negatively"));
        }
        if (exposure.total() > threshold) {
            flags.add("exposed: shown " + exposure.total() + " times (threshold " + threshold + ")");
        }
        return new Item(questionId, first.bankId(), first.kind(), source, prompt, n, facility, facilityInterval,
                discrimination, discriminationInterval, median, OptionShares.of(list, optionsBySlot),
                wrongResponses(first.kind(), graded), exposure, flags);
    }

    private static ItemMath.Pair pair(Response r) {
        double restMax = r.maxScore() - r.points();
        double rest = restMax <= 0 ? 0 : ((r.score() == null ? 0 : r.score()) - r.earned()) / restMax;
        return new ItemMath.Pair(r.earned() / r.points(), rest);
    }

    /** The most common wrong responses to a short-answer or numeric question, most frequent first. */
    static List<WrongResponse> wrongResponses(String kind, List<Response> graded) {
        if (!kind.equals("short") && !kind.equals("numeric")) {
            return List.of();
        }
        var counts = new LinkedHashMap<String, Integer>();
        for (var r : graded) {
            String text = r.response() == null ? "" : r.response().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && r.earned() < r.points() - 1e-9) {
                counts.merge(text, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(WRONG_RESPONSES_SHOWN).map(e -> new WrongResponse(e.getKey(), e.getValue())).toList();
    }

    private static int bySourceLine(String a, String b) {
        int fa = a.lastIndexOf(':');
        int fb = b.lastIndexOf(':');
        int byFile = a.substring(0, Math.max(0, fa)).compareTo(b.substring(0, Math.max(0, fb)));
        if (byFile != 0 || fa < 0 || fb < 0) {
            return byFile;
        }
        return Integer.compare(Integer.parseInt(a.substring(fa + 1)), Integer.parseInt(b.substring(fb + 1)));
    }
}
