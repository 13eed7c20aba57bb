package dev.skillmark.review;

import dev.skillmark.content.Content;
import dev.skillmark.quiz.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Item statistics from finished, counted attempts. Anonymous: no names are read.
 * Discrimination is the corrected item-total correlation (the question's score against the score on
 * the rest of the attempt): unlike the plain point-biserial it does not count the question against
 * itself, which would flatter every question on a short quiz.
 */
public final class Statistics {

    public static final int MIN_RESPONSES_FOR_FLAGS = 5;

    record Response(String attemptId, int slot, String questionId, String bankId, String kind, int points,
                    String source, Double earned, String response, Long timeSpentMs, Double score, double maxScore) {
    }

    record OptionSnapshot(String attemptId, int slot, int position, String html, boolean correct) {
    }

    @RegisterConstructorMapper(Response.class)
    @RegisterConstructorMapper(OptionSnapshot.class)
    interface Dao {
        String COUNTED = "t.status <> 'IN_PROGRESS' and t.trial = false";
        // ordered: option shares are listed in the order first seen, and no database promises an order without one

        @SqlQuery("""
            select q.attempt_id, q.slot, q.question_id, q.bank_id, q.kind, q.points, q.source, a.points as earned,
                   a.response, a.time_spent_ms, t.score, t.max_score
            from attempt_question q
            join answer a on a.attempt_id = q.attempt_id and a.slot = q.slot
            join attempt t on t.id = q.attempt_id
            where """ + " " + COUNTED + " order by t.started_at, q.attempt_id, q.slot")
        List<Response> responses();

        @SqlQuery("""
            select o.attempt_id, o.slot, o.position, o.html, o.correct
            from attempt_option o
            join attempt_question q on q.attempt_id = o.attempt_id and q.slot = o.slot
            join attempt t on t.id = o.attempt_id
            where q.bank_id = :bank and """ + " " + COUNTED + " order by t.started_at, o.attempt_id, o.slot, o.position")
        List<OptionSnapshot> options(@Bind("bank") String bankId);
    }

    /** How often an option was chosen, of the responses to its question. */
    public record OptionShare(String html, boolean correct, int chosen, double share) {
        public int percent() {
            return Score.percentOf(share);
        }
    }

    public record Item(String questionId, String bankId, String kind, String source, int responses, double facility,
                       Optional<Double> discrimination, Optional<Long> medianMillis, List<OptionShare> options,
                       List<String> flags) {
        /** Facility as a whole percentage, rounded like every other percentage. */
        public int facilityPercent() {
            return Score.percentOf(facility);
        }
    }

    public record BankSummary(String bankId, String title, int questions, int responses, double facility, int flagged) {
        public int facilityPercent() {
            return Score.percentOf(facility);
        }
    }

    private final Jdbi jdbi;
    private final Content content;

    public Statistics(Jdbi jdbi, Content content) {
        this.jdbi = jdbi;
        this.content = content;
    }

    /** One row per question that has responses; {@code bankId} empty for all banks; distractors only for one bank. */
    public List<Item> items(Optional<String> bankId) {
        var responses = jdbi.withExtension(Dao.class, Dao::responses).stream()
                .filter(r -> bankId.isEmpty() || bankId.get().equals(r.bankId())).toList();
        var options = bankId.map(b -> jdbi.withExtension(Dao.class, dao -> dao.options(b))).orElse(List.of());
        var optionsBySlot = new HashMap<String, List<OptionSnapshot>>();
        options.forEach(o -> optionsBySlot.computeIfAbsent(o.attemptId() + "#" + o.slot(), k -> new ArrayList<>()).add(o));
        var byQuestion = new LinkedHashMap<String, List<Response>>();
        responses.forEach(r -> byQuestion.computeIfAbsent(r.questionId(), k -> new ArrayList<>()).add(r));
        var items = new ArrayList<Item>();
        byQuestion.forEach((id, list) -> items.add(item(id, list, optionsBySlot)));
        items.sort(Comparator.comparing(Item::bankId).thenComparing(Item::source, Statistics::bySourceLine));
        return items;
    }

    public List<BankSummary> banks(List<Item> items) {
        var catalog = content.current();
        var summaries = new ArrayList<BankSummary>();
        var byBank = new LinkedHashMap<String, List<Item>>();
        items.forEach(i -> byBank.computeIfAbsent(i.bankId(), k -> new ArrayList<>()).add(i));
        byBank.forEach((bank, list) -> summaries.add(new BankSummary(bank,
                catalog.bank(bank).map(b -> b.title()).orElse(bank + " (no longer in content)"), list.size(),
                list.stream().mapToInt(Item::responses).sum(),
                list.stream().mapToDouble(Item::facility).average().orElse(0),
                (int) list.stream().filter(i -> !i.flags().isEmpty()).count())));
        return summaries;
    }

    private Item item(String questionId, List<Response> list, Map<String, List<OptionSnapshot>> optionsBySlot) {
        var graded = list.stream().filter(r -> r.earned() != null).toList();
        var first = list.get(0);
        String source = content.current().question(questionId).map(q -> q.source().toString()).orElse(first.source());
        double facility = graded.stream().mapToDouble(r -> r.earned() / r.points()).average().orElse(0);
        var discrimination = correlation(graded);
        var times = list.stream().map(Response::timeSpentMs).filter(t -> t != null).sorted().toList();
        Optional<Long> median = times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() / 2));
        var flags = new ArrayList<String>();
        if (graded.size() >= MIN_RESPONSES_FOR_FLAGS) {
            if (facility > 0.9) {
                flags.add("too easy");
            }
            if (facility < 0.25) {
                flags.add("too hard");
            }
            if (discrimination.isPresent() && discrimination.get() < 0) {
                flags.add("discriminates negatively");
            }
        }
        return new Item(questionId, first.bankId(), first.kind(), source, graded.size(), facility, discrimination, median,
                shares(list, optionsBySlot), flags);
    }

    /** Pearson correlation of the item's fraction with the fraction earned on the rest of the attempt. */
    static Optional<Double> correlation(List<Response> graded) {
        int n = graded.size();
        if (n < 3) {
            return Optional.empty();
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            var r = graded.get(i);
            x[i] = r.earned() / r.points();
            double restMax = r.maxScore() - r.points();
            y[i] = restMax <= 0 ? 0 : ((r.score() == null ? 0 : r.score()) - r.earned()) / restMax;
        }
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Optional.empty() : Optional.of(sxy / Math.sqrt(sxx * syy));
    }

    /** Options are matched across attempts by their text, since each attempt shows them in its own order. */
    private static List<OptionShare> shares(List<Response> list, Map<String, List<OptionSnapshot>> optionsBySlot) {
        var counts = new LinkedHashMap<String, int[]>();
        var correct = new HashMap<String, Boolean>();
        int answered = 0;
        for (var r : list) {
            var options = optionsBySlot.get(r.attemptId() + "#" + r.slot());
            if (options == null) {
                continue;
            }
            options.forEach(o -> {
                counts.putIfAbsent(o.html(), new int[1]);
                correct.put(o.html(), o.correct());
            });
            if (r.response() == null || r.response().isBlank()) {
                continue;
            }
            answered++;
            for (String position : r.response().split(",")) {
                int p = Integer.parseInt(position.strip());
                options.stream().filter(o -> o.position() == p).findFirst().ifPresent(o -> counts.get(o.html())[0]++);
            }
        }
        int total = answered;
        var shares = new ArrayList<OptionShare>();
        counts.forEach((html, c) -> shares.add(new OptionShare(html, correct.get(html), c[0], total == 0 ? 0 : c[0] / (double) total)));
        return shares;
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
