package dev.skillmark.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skillmark.AppTest;
import dev.skillmark.TestApp;
import dev.skillmark.account.Audit;
import dev.skillmark.account.Settings;
import dev.skillmark.web.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Question statistics over real attempts: intervals, flags only with enough responses, wrong answers, filters, exposure, CSV. */
public class StatisticsTest extends AppTest {

    public static Statistics statistics(TestApp app) {
        var jdbi = app.app.jdbi();
        return new Statistics(jdbi, app.app.content(), new Settings(jdbi, new Audit(jdbi, app.clock)));
    }

    /** One finished attempt of "timed": alpha-partial (slot 1), the numeric 3600 (slot 4), pi (slot 5), an essay left to grade (6). */
    private String take(String name, String choice, String seconds, String pi) {
        String id = app.startAttempt("timed", name);
        app.get("/attempts/" + id + "/q/1");
        app.clock.advance(Duration.ofSeconds(10));
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", choice, "action", "next");
        app.post("/attempts/" + id + "/q/4", "revision", "0", "page", "tab-1", "response", seconds, "action", "next");
        app.post("/attempts/" + id + "/q/5", "revision", "0", "page", "tab-1", "response", pi, "action", "next");
        app.post("/attempts/" + id + "/q/6", "revision", "0", "page", "tab-1", "response", "Counters in Redis", "action", "review"); // pending
        app.post("/attempts/" + id + "/submit");
        return id;
    }

    private Statistics.Item item(String bank, String id) {
        return statistics(app).items(Optional.of(bank), Statistics.Filter.ALL).stream()
                .filter(i -> i.questionId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void few_responses_give_figures_with_wide_intervals_but_no_flags_and_wrong_answers_are_counted() {
        String[][] answers = {{"1", "3600", "3.14"}, {"1", "3600", "3.14"}, {"1", "3600", "3"},
                {"0", "1", "3"}, {"2", "1", "3"}, {"0", "1 ", " 3 "}};
        for (int i = 0; i < answers.length; i++) {
            take("Candidate " + i, answers[i][0], answers[i][1], answers[i][2]);
        }
        var partial = item("alpha", "alpha-partial");
        assertThat(partial.responses()).isEqualTo(6);
        assertThat(partial.facility()).hasValueSatisfying(f -> assertThat(f).isCloseTo(0.5, within(1e-9)));
        assertThat(partial.facilityInterval()).hasValueSatisfying(ci -> {
            assertThat(ci.low()).isCloseTo(0.188, within(0.001));
            assertThat(ci.high()).isCloseTo(0.812, within(0.001));
        });
        assertThat(partial.discrimination()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(0.8));
        assertThat(partial.discriminationInterval()).isPresent();
        assertThat(partial.flags()).isEmpty(); // 6 responses: nothing is flagged on noise
        assertThat(partial.options()).extracting(Statistics.OptionShare::chosen).containsExactly(2, 3, 1);
        assertThat(partial.promptHtml()).contains("Which utility type");
        var nobodyTicked = item("alpha", "alpha-idempotent");
        assertThat(nobodyTicked.facility()).contains(0.0);
        assertThat(nobodyTicked.flags()).isEmpty();
        assertThat(item("alpha", "alpha-essay").facility()).isEmpty(); // pending: nothing graded
        assertThat(item("alpha", "alpha-pi").wrongResponses()).containsExactly(new Statistics.WrongResponse("3", 4));
        assertThat(item("alpha", "alpha-essay").wrongResponses()).isEmpty();

        app.signInAs("tess", Role.TRAINER);
        var page = app.get("/trainer/stats/alpha").body();
        assertThat(page).contains("Which utility type makes every property of <code>T</code> optional?")
                .contains("skills/alpha.md:6").contains("50% (19–81%)").contains(">–</td>")
                .contains("<code>3</code> <span>× 4</span>").contains("<code>1</code> <span>× 3</span>")
                .doesNotContain("Candidate 0");
        assertThat(app.get("/trainer/stats").body()).contains("Alpha skills").contains("at least 30 graded responses")
                .doesNotContain("Candidate 0");
    }

    @Test
    void flags_need_thirty_graded_responses() {
        for (int i = 0; i < 29; i++) {
            take("C" + i, "1", "3600", "3.14");
        }
        assertThat(item("alpha", "alpha-partial").flags()).isEmpty();
        take("C29", "1", "3600", "3.14");
        assertThat(item("alpha", "alpha-partial").flags()).containsExactly("too easy");
        assertThat(item("alpha", "alpha-idempotent").flags()).containsExactly("too hard");
    }

    @Test
    void a_banks_page_has_exactly_that_banks_items_as_the_page_of_all_banks_has_them() {
        take("Ann", "1", "3600", "3.14");
        take("Bob", "0", "1", "3");
        // a second bank, and a practice attempt at it
        try {
            java.nio.file.Files.writeString(app.app.content().folder().resolve("skills/beta.md"), """
                ---
                title: Beta skills
                summary: A second bank.
                ---

                ## Which port does HTTPS use by default? {#beta-port}

                - [ ] 80
                - [x] 443
                """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        app.app.content().reload();
        String practice = app.startAttempt("practice-beta", "Cy");
        app.post("/attempts/" + practice + "/submit");
        var all = statistics(app).items(Optional.empty(), Statistics.Filter.ALL);
        var banks = all.stream().map(Statistics.Item::bankId).distinct().toList();
        assertThat(banks).as("the attempts drew from more than one bank").hasSizeGreaterThan(1);
        for (String bank : banks) {
            var ofBank = statistics(app).items(Optional.of(bank), Statistics.Filter.ALL);
            assertThat(ofBank).extracting(Statistics.Item::questionId)
                    .containsExactlyElementsOf(all.stream().filter(i -> i.bankId().equals(bank)).map(Statistics.Item::questionId).toList());
            assertThat(ofBank).extracting(Statistics.Item::responses, Statistics.Item::exposure)
                    .containsExactlyElementsOf(all.stream().filter(i -> i.bankId().equals(bank))
                            .map(i -> org.assertj.core.groups.Tuple.tuple(i.responses(), i.exposure())).toList());
        }
    }

    @Test
    void filters_by_quiz_and_date_range_and_the_csv_has_what_the_page_has() {
        take("Monday", "1", "3600", "3.14"); // 2026-11-02
        app.clock.advance(Duration.ofDays(2));
        take("Wednesday", "0", "1", "3");
        app.signInAs("tess", Role.TRAINER);
        var both = app.get("/trainer/stats/alpha").body();
        assertThat(both).contains("50% (");
        assertThat(app.get("/trainer/stats/alpha?from=2026-11-02&to=2026-11-02").body()).contains("100% (");
        assertThat(app.get("/trainer/stats/alpha?from=2026-11-03").body()).contains("0% (");
        assertThat(app.get("/trainer/stats/alpha?quiz=score-only").body()).contains("No finished attempt that matches");
        assertThat(app.get("/trainer/stats/alpha?quiz=timed&from=2026-11-01&to=2026-11-30").body()).contains("50% (");
        assertThat(app.get("/trainer/stats?from=yesterday").status()).isEqualTo(400);

        var csv = app.get("/trainer/stats/export.csv?from=2026-11-02&to=2026-11-02&bank=alpha");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("bank,question,prompt,source,type,graded responses,facility %")
                .contains("alpha,alpha-partial,Which utility type makes every property of T optional?,skills/alpha.md:6,single,1,100,")
                .doesNotContain("Monday");
    }

    @Test
    void exposure_counts_attempts_and_public_views_and_warns_above_the_trainer_threshold() {
        take("A", "1", "3600", "3.14");
        take("B", "1", "3600", "3.14");
        app.startAttempt("practice-alpha", "Visitor"); // a public practice view, not finished
        var partial = item("alpha", "alpha-partial");
        assertThat(partial.exposure()).isEqualTo(new Statistics.Exposure(2, 1));
        assertThat(partial.flags()).isEmpty();

        app.signInAs("tess", Role.TRAINER);
        assertThat(app.post("/trainer/stats/exposure-threshold", "threshold", "0").status()).isEqualTo(400);
        assertThat(app.post("/trainer/stats/exposure-threshold", "threshold", "2").status()).isEqualTo(303);
        assertThat(statistics(app).exposureThreshold()).isEqualTo(2);
        assertThat(item("alpha", "alpha-partial").flags()).containsExactly("exposed: shown 3 times (threshold 2)");
        assertThat(app.get("/trainer/stats").body()).contains("exposed: shown 3 times (threshold 2)").contains("value=\"2\"");
        assertThat(app.get("/trainer/stats/alpha").body()).contains("2 attempts, 1 public");
    }
}
