package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Difficulty;
import dev.skillmark.quiz.Question;
import java.time.Duration;
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

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = new ContentLoader(new Markdown()).load(Fixtures.projectDir().resolve("content"));
    }

    @Test
    void the_shipped_content_has_no_problems() {
        assertThat(catalog.problems()).isEmpty();
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
    void the_collaboration_bank_holds_written_scenarios_with_rubrics() {
        var bank = catalog.bank("collaboration").orElseThrow();
        var essays = bank.questions().stream().filter(q -> q.key() instanceof AnswerKey.Essay).toList();
        assertThat(essays).hasSizeGreaterThanOrEqualTo(8);
        assertThat(essays).allSatisfy(q -> assertThat(((AnswerKey.Essay) q.key()).rubricHtml()).as(q.id()).contains("<li>"));
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
        soft.assertThat(n).as(id + ": questions").isGreaterThanOrEqualTo(20);
        Map<String, Long> types = questions.stream().collect(Collectors.groupingBy(q -> q.key().typeName(), Collectors.counting()));
        for (String type : List.of("single", "multiple", "short", "essay")) {
            soft.assertThat(types.getOrDefault(type, 0L)).as(id + ": " + type + " questions").isPositive();
        }
        soft.assertThat(types.getOrDefault("multiple", 0L) * 5).as(id + ": multiple choice x 5").isGreaterThanOrEqualTo(n);
        soft.assertThat(share(questions, q -> q.difficulty() == Difficulty.EASY)).as(id + ": easy share").isBetween(0.25, 0.55);
        soft.assertThat(share(questions, q -> q.difficulty() == Difficulty.MEDIUM)).as(id + ": medium share").isBetween(0.25, 0.55);
        soft.assertThat(share(questions, q -> q.difficulty() == Difficulty.HARD)).as(id + ": hard share").isBetween(0.1, 0.35);
        for (Question q : questions) {
            soft.assertThat(q.tags()).as(q.id() + ": tags").isNotEmpty();
            soft.assertThat(q.explanationHtml()).as(q.id() + ": explanation").isNotBlank();
            if (q.key() instanceof AnswerKey.Essay essay) {
                soft.assertThat(essay.rubricHtml()).as(q.id() + ": rubric").isNotBlank();
            }
        }
    }

    private static double share(List<Question> questions, Predicate<Question> p) {
        return questions.stream().filter(p).count() / (double) questions.size();
    }
}
