package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Config;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.Skillmark;
import dev.skillmark.TestClock;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Quiz;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the shipped content, an anonymous visitor never sees the key or explanation of a question a
 * shipped invitation quiz can draw: crawl every page they can reach, take every quiz they can start,
 * and search every page. Done with the default settings, and again with public practice turned on.
 */
class ExposureCrawlTest {

    @TempDir
    Path dir;

    @Test
    void an_anonymous_visitor_sees_no_key_of_any_invitation_question() {
        var config = Config.forFolder(dir.resolve("data"), Fixtures.projectDir().resolve("content"));
        try (var app = Skillmark.start(config, new TestClock(), Fixtures.seeds(), List.of())) {
            var secrets = invitationSecrets(app);
            assertThat(secrets).hasSizeGreaterThan(300);
            var byDefault = crawl(app);
            assertThat(byDefault.quizzesTaken()).isZero(); // nothing is public by default
            assertNothingLeaks(byDefault.pages(), secrets);

            app.jdbi().useHandle(h -> h.execute("insert into setting (name, setting_value) values ('public_practice', 'true')"));
            var open = crawl(app);
            assertThat(open.quizzesTaken()).as("every bank's practice").isEqualTo(22);
            assertNothingLeaks(open.pages(), secrets);
            // the crawl does reach keys: the public pool's explanations are on the result pages
            String all = String.join("\n", open.pages().values());
            var pool = app.content().current().banks().stream().flatMap(b -> b.questions().stream())
                    .filter(q -> q.hasTag(Quiz.PUBLIC_POOL)).toList();
            assertThat(pool).hasSizeGreaterThan(40);
            assertThat(pool.stream().filter(q -> !text(q.explanationHtml()).isEmpty())
                    .filter(q -> all.contains(snippet(text(q.explanationHtml())))).count()).isGreaterThan(40);
        }
    }

    record Crawl(Map<String, String> pages, int quizzesTaken) {
    }

    private static Crawl crawl(Skillmark app) {
        var visitor = new HttpSession(app.port());
        var pages = new LinkedHashMap<String, String>();
        var queue = new ArrayDeque<String>(List.of("/", "/sign-in"));
        var seen = new HashSet<String>(queue);
        int taken = 0;
        var href = Pattern.compile("href=\"(/[^\"#]*)\"");
        var start = Pattern.compile("action=\"(/quizzes/[^\"/]+/start)\"");
        while (!queue.isEmpty() && pages.size() < 3000) {
            String path = queue.poll();
            var reply = visitor.get(path);
            if (reply.status() == 303 && reply.location().startsWith("/") && seen.add(reply.location())) {
                queue.add(reply.location());
            }
            String body = reply.body();
            pages.put(path, text(body));
            var links = href.matcher(body);
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (!link.startsWith("/static/") && seen.add(link)) {
                    queue.add(link);
                }
            }
            var forms = start.matcher(body);
            while (forms.find()) {
                if (!seen.add("POST " + forms.group(1))) {
                    continue;
                }
                var started = visitor.post(forms.group(1), "name", "Crawler");
                if (started.status() != 303) {
                    continue;
                }
                taken++;
                String attempt = started.location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
                for (int slot = 1; slot <= 60; slot++) {
                    var q = visitor.get("/attempts/" + attempt + "/q/" + slot);
                    if (q.status() != 200) {
                        break;
                    }
                    pages.put("/attempts/" + attempt + "/q/" + slot, text(q.body()));
                }
                visitor.post("/attempts/" + attempt + "/submit");
                String result = "/attempts/" + attempt + "/result";
                pages.put(result, text(visitor.get(result).body()));
                seen.add(result);
            }
        }
        return new Crawl(pages, taken);
    }

    /** The explanation and the prompt of every question a shipped invitation quiz can draw, as page text. */
    private static Map<String, List<String>> invitationSecrets(Skillmark app) {
        var catalog = app.content().current();
        var secrets = new LinkedHashMap<String, List<String>>();
        for (var offer : catalog.offers()) {
            Quiz quiz = offer.quiz();
            if (quiz.access() != Quiz.Access.INVITED) {
                continue;
            }
            for (DrawRule rule : quiz.rules()) {
                var questions = new ArrayList<Question>();
                if (rule instanceof DrawRule.FromBank b) {
                    catalog.bank(b.bankId()).orElseThrow().questions().stream().filter(b::matches).filter(quiz::mayDraw)
                            .forEach(questions::add);
                } else if (rule instanceof DrawRule.Fixed f) {
                    f.ids().forEach(id -> catalog.question(id).ifPresent(questions::add));
                }
                for (Question q : questions) {
                    var texts = new ArrayList<String>();
                    String explanation = text(q.explanationHtml());
                    if (explanation.length() >= 25) {
                        texts.add(snippet(explanation));
                    }
                    String prompt = text(q.promptHtml() + " " + q.bodyHtml());
                    if (prompt.length() >= 40) {
                        texts.add(snippet(prompt));
                    }
                    secrets.put(q.id(), texts);
                }
            }
        }
        return secrets;
    }

    private static void assertNothingLeaks(Map<String, String> pages, Map<String, List<String>> secrets) {
        assertThat(pages).isNotEmpty();
        for (var page : pages.entrySet()) {
            for (var secret : secrets.entrySet()) {
                for (String text : secret.getValue()) {
                    assertThat(page.getValue()).as(page.getKey() + " shows " + secret.getKey()).doesNotContain(text);
                }
            }
        }
    }

    private static String snippet(String text) {
        return text.length() > 60 ? text.substring(0, 60) : text;
    }

    private static String text(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
