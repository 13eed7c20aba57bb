package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The quiz report (distribution, percentiles) and the candidate report on screen and as PDF. */
class ReportHttpTest extends AppTest {

    @Test
    void the_quiz_report_shows_the_distribution_as_an_accessible_chart_and_each_percentile() {
        String ada = finished("Ada Lovelace", "1");   // first option of question 1
        app.clock.advance(Duration.ofMinutes(1));
        finished("Grace Hopper", "0");
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review/reports").body()).contains("/review/quizzes/timed/report");
        var report = app.get("/review/quizzes/timed/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("<svg class=\"histogram\" role=\"img\" aria-labelledby=\"hist-title hist-desc\"")
                .contains("<title id=\"hist-title\">").contains("<desc id=\"hist-desc\">")
                .contains("Finished attempts per score band").contains("Ada Lovelace").contains("Grace Hopper")
                .contains("2 finished attempts").doesNotContain("style=");
        assertThat(app.get("/review/quizzes/nope/report").status()).isEqualTo(404);

        var screen = app.get("/review/attempts/" + ada + "/report");
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).contains("Ada Lovelace").contains("Percentile").contains("among 2 finished attempts")
                .contains("By skill area").contains("Integrity signals").contains("notes</h2>")
                .contains("/static/css/report.css").contains(ada + "/report.pdf");
    }

    @Test
    void the_candidate_report_is_a_pdf_with_the_name_score_and_notes() throws Exception {
        String ada = finished("Ada Lovelace", "1");
        app.signInAs("ivy", Role.INTERVIEWER);
        app.post("/review/attempts/" + ada + "/grade/6", "points", "5", "comment", "Clear about shared counters");
        app.post("/review/attempts/" + ada + "/note", "note", "Strong on design", "rating", "4");
        int percent = app.app.attempts().attempt(ada).result().percent();

        var pdf = app.send(HttpRequest.newBuilder(URI.create(app.url("/review/attempts/" + ada + "/report.pdf")))
                .header("Cookie", app.cookieHeader()).GET().build());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        byte[] bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url("/review/attempts/" + ada + "/report.pdf")))
                .header("Cookie", app.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        try (var doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Ada Lovelace").contains(percent + "%").contains("Passed")
                    .contains("Strong on design").contains("Clear about shared counters").contains("Percentile");
        }
    }

    @Test
    void reports_need_an_interviewer_and_a_finished_attempt() {
        try (var candidate = new HttpSession(app.app.port())) {
            String open = candidate.startAttempt("timed", "Still typing");
            app.signInAs("tess", Role.TRAINER);
            assertThat(app.get("/review/reports").status()).isEqualTo(403);
            assertThat(app.get("/review/attempts/" + open + "/report.pdf").status()).isEqualTo(403);
            app.post("/sign-out");
            assertThat(app.get("/review/attempts/" + open + "/report.pdf").location()).startsWith("/sign-in");
            app.signInAs("ivy", Role.INTERVIEWER);
            assertThat(app.get("/review/attempts/" + open + "/report").status()).isEqualTo(409);
        }
    }

    private String finished(String name, String choice) {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", name);
            candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", choice, "action", "next");
            candidate.post("/attempts/" + id + "/q/6", "revision", "0", "page", "tab-1", "response", "Redis", "action", "review");
            candidate.post("/attempts/" + id + "/submit");
            return id;
        }
    }
}
