package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Difficulty;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.RubricLine;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The question bank Skillmark ships: clean, complete, and unable to shrink quietly. */
class ShippedContentTest {

    /** One bank per section of the backend-engineering skills document. */
    static final List<String> TECHNICAL_BANKS = List.of("typescript", "node-frameworks", "containers", "aws-cdk",
            "relational-databases", "nosql-and-caching", "api-design", "auth", "aws-compute", "aws-storage", "messaging",
            "aws-databases", "aws-security", "observability", "architecture", "testing", "resilience", "code-quality",
            "performance", "web-security", "devops");

    /**
     * The whole bank. Issue 13 asks for at least 700; this branch holds 684 (raise this to 700 when the
     * remaining writers' work is merged). It may only go up.
     */
    static final int MIN_QUESTIONS = 700;
    static final int MIN_AUTO_GRADED = 24;
    /** No single "k correct of n options" shape may cover more than this share of a bank's multiple-choice questions. */
    static final double MAX_MC_SHAPE_SHARE = 0.40;

    /**
     * Banks that do not meet a rule yet (measured when the rule was added): each may not get worse than
     * this, and the test fails once it meets the rule, so the entry is then removed.
     */
    static final Map<String, Integer> AUTO_GRADED_GAPS = Map.of(); // every bank meets it since the bank review
    static final Map<String, Double> MC_SHAPE_GAPS = Map.of();

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = new ContentLoader(new Markdown()).load(Fixtures.projectDir().resolve("content"));
    }

    @Test
    void the_shipped_content_has_no_problems_and_no_unaccepted_near_duplicates() {
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void the_bank_is_big_enough() {
        int total = catalog.banks().stream().mapToInt(b -> b.questions().size()).sum();
        assertThat(total).isGreaterThanOrEqualTo(MIN_QUESTIONS);
    }

    @Test
    void every_technical_bank_is_big_enough_varied_and_explained() {
        var soft = new SoftAssertions();
        for (String id : TECHNICAL_BANKS) {
            soft.assertThat(catalog.bank(id)).as("bank " + id).isPresent();
            catalog.bank(id).ifPresent(bank -> checkBank(soft, bank));
        }
        soft.assertAll();
    }

    @Test
    void the_curriculum_topics_named_by_the_bank_review_have_their_minimums() {
        var all = catalog.banks().stream().flatMap(b -> b.questions().stream()).toList();
        var soft = new SoftAssertions();
        topic(soft, all, "serverless and Lambda (with API Gateway)", 8, tagged("lambda", "serverless", "api-gateway"));
        topic(soft, all, "Kafka / MSK", 8, tagged("kafka", "msk", "kafka-connect"));
        topic(soft, all, "RabbitMQ", 8, tagged("rabbitmq"));
        topic(soft, all, "GraphQL", 8, tagged("graphql"));
        topic(soft, all, "AWS SDK v3 code", 3, tagged("aws-sdk"));
        topic(soft, all, "Flyway / Liquibase", 3, tagged("flyway", "liquibase"));
        topic(soft, all, "the Strategy pattern", 3, tagged("strategy"));
        topic(soft, all, "DynamoDB", 3, tagged("dynamodb"));
        topic(soft, all, "CloudWatch and X-Ray", 3, q -> q.id().matches("obs-(xray|anomaly|metric-math|composite).*"));
        topic(soft, all, "TLS in transit", 3, tagged("tls"));
        topic(soft, all, "CodePipeline / CodeDeploy", 3, tagged("codepipeline", "codedeploy"));
        topic(soft, all, "insecure deserialisation", 3, tagged("deserialization"));
        topic(soft, all, "LocalStack / Vitest", 3, tagged("localstack", "vitest"));
        topic(soft, all, "operational documentation", 3, tagged("documentation", "runbooks"));
        for (String principle : List.of("srp", "ocp", "lsp", "isp", "dip")) {
            topic(soft, all, "SOLID " + principle, 2, tagged("solid-" + principle));
        }
        soft.assertAll();
    }

    @Test
    void every_essay_has_a_rubric_whose_lines_carry_points_that_add_up() {
        var essays = catalog.banks().stream().flatMap(b -> b.questions().stream())
                .filter(q -> q.key() instanceof AnswerKey.Essay).toList();
        assertThat(essays).hasSizeGreaterThanOrEqualTo(50);
        assertThat(essays).allSatisfy(q -> {
            var rubric = ((AnswerKey.Essay) q.key()).rubric();
            assertThat(rubric).as(q.id()).isNotEmpty();
            assertThat(rubric.stream().mapToInt(RubricLine::points).sum()).as(q.id() + ": rubric points").isEqualTo(q.points());
            assertThat(rubric).as(q.id()).allSatisfy(l -> assertThat(l.redFlag() || l.points() > 0).isTrue());
        });
    }

    @Test
    void the_collaboration_bank_holds_written_scenarios_with_rubrics() {
        var bank = catalog.bank("collaboration").orElseThrow();
        var essays = bank.questions().stream().filter(q -> q.key() instanceof AnswerKey.Essay).toList();
        assertThat(essays).hasSizeGreaterThanOrEqualTo(8);
        assertThat(essays).allSatisfy(q -> assertThat(((AnswerKey.Essay) q.key()).rubricHtml()).as(q.id()).contains("<li>"));
    }

    @Test
    void the_senior_screening_draws_its_stated_difficulty_mix_every_time() {
        var screening = catalog.quiz("senior-backend-screening").orElseThrow();
        assertThat(screening.instructionsHtml()).contains("9 easy, 14 medium and 7 hard");
        for (long seed = 1; seed <= 25; seed++) {
            var mix = catalog.draw(screening, seed).stream()
                    .collect(Collectors.groupingBy(d -> d.question().difficulty(), Collectors.counting()));
            assertThat(mix).as("seed " + seed).isEqualTo(Map.of(Difficulty.EASY, 9L, Difficulty.MEDIUM, 14L, Difficulty.HARD, 7L));
        }
    }

    @Test
    void the_ready_made_quizzes_are_on_offer() {
        var screening = catalog.quiz("senior-backend-screening").orElseThrow();
        assertThat(screening.timeLimit()).contains(Duration.ofMinutes(45));
        assertThat(catalog.offer("senior-backend-screening").orElseThrow().questionCount()).isEqualTo(30);
        assertThat(catalog.offer("senior-backend-screening").orElseThrow().areas()).hasSizeGreaterThanOrEqualTo(TECHNICAL_BANKS.size());
        for (String quiz : List.of("typescript-and-node", "aws-and-infrastructure", "data-and-databases", "security",
                "architecture-and-practices", "written-follow-up")) {
            assertThat(catalog.quiz(quiz)).as(quiz).isPresent();
        }
        var written = catalog.offer("written-follow-up").orElseThrow();
        assertThat(catalog.draw(written.quiz(), 1)).allSatisfy(d -> assertThat(d.question().key()).isInstanceOf(AnswerKey.Essay.class));
        assertThat(catalog.offers().stream().filter(Catalog.Offer::practiceOfBank)).hasSize(TECHNICAL_BANKS.size() + 1);
    }

    private static void checkBank(SoftAssertions soft, Bank bank) {
        var questions = bank.questions();
        int n = questions.size();
        String id = bank.id();
        Map<String, Long> types = questions.stream().collect(Collectors.groupingBy(q -> q.key().typeName(), Collectors.counting()));
        for (String type : List.of("single", "multiple", "short", "essay")) {
            soft.assertThat(types.getOrDefault(type, 0L)).as(id + ": " + type + " questions").isPositive();
        }
        int auto = (int) questions.stream().filter(q -> !(q.key() instanceof AnswerKey.Essay)).count();
        ratchet(soft, id + ": auto-graded questions", auto >= MIN_AUTO_GRADED, AUTO_GRADED_GAPS.get(id),
                gap -> soft.assertThat(auto).as(id + ": auto-graded questions, not fewer than when listed").isGreaterThanOrEqualTo(gap));
        soft.assertThat(types.getOrDefault("multiple", 0L) * 5).as(id + ": multiple choice x 5").isGreaterThanOrEqualTo(n);
        double shape = topShapeShare(questions);
        ratchet(soft, id + ": share of the most common k-of-n shape " + shape, shape <= MAX_MC_SHAPE_SHARE, MC_SHAPE_GAPS.get(id),
                gap -> soft.assertThat(shape).as(id + ": k-of-n shape share, not above when listed").isLessThanOrEqualTo(gap + 1e-9));
        // difficulty follows what a question demands, not a quota: every level is present, none is nearly all
        for (Difficulty d : Difficulty.values()) {
            soft.assertThat(share(questions, q -> q.difficulty() == d)).as(id + ": " + d + " share").isBetween(0.08, 0.7);
        }
        for (Question q : questions) {
            soft.assertThat(q.tags()).as(q.id() + ": tags").isNotEmpty();
            soft.assertThat(q.explanationHtml()).as(q.id() + ": explanation").isNotBlank();
        }
    }

    /** A rule a bank meets, or a listed gap that may not widen and must be removed once the bank meets the rule. */
    private static <T> void ratchet(SoftAssertions soft, String what, boolean meets, T gap, java.util.function.Consumer<T> notWorse) {
        if (gap == null) {
            soft.assertThat(meets).as(what).isTrue();
        } else {
            soft.assertThat(meets).as(what + ": meets the rule now, remove it from the gaps").isFalse();
            notWorse.accept(gap);
        }
    }

    /** The share of the bank's multiple-choice questions that have the most common (correct, options) shape. */
    static double topShapeShare(Collection<Question> questions) {
        var shapes = questions.stream().map(Question::key).filter(k -> k instanceof AnswerKey.Choice c && c.multiple())
                .map(k -> (AnswerKey.Choice) k).collect(Collectors.groupingBy(c -> c.correctCount() + " of " + c.options().size(),
                        Collectors.counting()));
        long total = shapes.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 0 : shapes.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) total;
    }

    private static void topic(SoftAssertions soft, List<Question> all, String name, int minimum, Predicate<Question> in) {
        var ids = all.stream().filter(in).map(Question::id).toList();
        soft.assertThat(ids).as(name + " (at least " + minimum + ")").hasSizeGreaterThanOrEqualTo(minimum);
    }

    private static Predicate<Question> tagged(String... tags) {
        return q -> Arrays.stream(tags).anyMatch(q::hasTag);
    }

    private static double share(List<Question> questions, Predicate<Question> p) {
        return questions.stream().filter(p).count() / (double) questions.size();
    }

}
