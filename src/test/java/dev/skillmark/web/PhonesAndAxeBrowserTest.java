package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.attempt.AnswerInput;
import dev.skillmark.attempt.Attempts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every staff and candidate page, holding wide things (long code, long answers, long names), in a real Chromium:
 * at 390 px (a phone) the page itself never scrolls sideways (what is wide scrolls inside its own focusable region
 * or reflows) and axe-core finds nothing serious or critical; at 1280 px the tables are still tables and nothing
 * that scrolls is out of the keyboard's reach. One browser, one server, each page loaded once.
 */
class PhonesAndAxeBrowserTest extends BrowserTestBase {

    static final int PHONE = 390;
    /** Where the screenshots go when {@code -Dskillmark.shots=dir} asks for them, for a person to look at. */
    static final String SHOTS = System.getProperty("skillmark.shots", "");

    /**
     * Only violations come back (passes would be most of the time spent); the experimental rule that a visible label
     * be part of the accessible name is switched on, since that one was found by hand before.
     */
    private static final AxeRunOptions AXE_OPTIONS = axeOptions();

    private final List<String> problems = new ArrayList<>();
    private int pagesChecked;
    private long axeMillis;

    @Test
    void every_page_fits_a_phone_and_axe_finds_nothing_serious() throws Exception {
        long began = System.nanoTime();
        writeWideContent("Retry-After");
        var staff = app; // the test app's own HTTP session does the interviewer's seeding
        staff.signInAs("ivy", Role.INTERVIEWER);
        String ada = finished("Ada Lovelace-Byron, Countess of Lovelace", LONG_ESSAY, "Retry-After");
        String grace = finished("Grace Brewster Murray Hopper", "Keep counters in a HashMap. " + LONG_WORD, "The Retry-After header");
        String inProgress = started("Katherine Coleman Goble Johnson");
        staff.post("/review/grading/" + ada + "/3", "points", "3", "comment", "Names the algorithm; " + LONG_WORD);
        staff.post("/invitations", "quiz", "wide", "name", "Maximiliana Wolfeschlegelsteinhausenbergerdorff",
                "email", "maximiliana.wolfeschlegelsteinhausenbergerdorff@a-rather-long-company-name.example.org",
                "expires", "7", "extra", "25");
        staff.post("/invitations", "quiz", "timed", "name", "Nora Invited", "expires", "7", "extra", "0");
        String invitation = one("select id from invitation where candidate_name like 'Maximiliana%'");
        var admin = app.app.accounts().create("ada", "Ada Administrator With A Long Display Name", Fixtures.PASSWORD,
                Set.of(Role.ADMIN, Role.INTERVIEWER, Role.TRAINER), "test");
        app.app.accounts().create("tom", "Tom Trainer", Fixtures.PASSWORD, Set.of(Role.TRAINER), "test");
        writeWideContent("Retry-After | The Retry-After header"); // a key fix: the regrade page has a change to show

        candidatePages();

        var staffContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        try {
            var p = staffContext.newPage();
            signIn(p, admin.username());
            for (String path : List.of("/review", "/review/attempts/" + ada, "/review/compare?a=" + ada + "&a=" + grace,
                    "/review/grading", "/review/grading/" + grace + "/3", "/review/grading/question?quiz=wide&question=wide-essay",
                    "/review/live", "/review/reports", "/review/quizzes/wide/report", "/review/attempts/" + ada + "/report",
                    "/review/regrade", "/review/regrade?quiz=wide", "/invitations", "/invitations/" + invitation + "/revoke",
                    "/invitations/" + invitation + "/reissue", "/outbox", "/admin/users", "/admin/users/" + admin.id() + "/deactivate",
                    "/admin/audit", "/account/password", "/content", "/trainer/banks/phones", "/trainer/banks/phones?keys=1",
                    "/trainer/quizzes/wide", "/trainer/quizzes/wide?keys=1", "/trainer/stats", "/trainer/stats/phones",
                    "/review/attempts/" + inProgress)) {
                p.navigate(app.url(path));
                check(p, path.replace(ada, "{ada}").replace(grace, "{grace}").replace(inProgress, "{in-progress}")
                        .replace(invitation, "{invitation}"));
            }
        } finally {
            staffContext.close();
        }
        System.out.printf("%d pages checked at 1280 and %d px in %d ms (axe: %d ms)%n", pagesChecked, PHONE,
                (System.nanoTime() - began) / 1_000_000, axeMillis);
        assertThat(problems).as("pages too wide for a phone, or axe findings (serious or critical)").isEmpty();
    }

    /** A candidate on the public pages, through a whole attempt, with a stale save on the way. */
    private void candidatePages() throws Exception {
        page.navigate(app.url("/"));
        check(page, "/");
        page.navigate(app.url("/quizzes/wide"));
        check(page, "/quizzes/wide");
        page.getByLabel("Your name").fill("Hedy Lamarr");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the clock")).click();
        onTheFirstQuestion(page);
        String attempt = page.url().replaceAll(".*/attempts/([^/]+)/q/1$", "$1");
        check(page, "question 1 (choice, wide code)");
        page.locator(".option label").first().click();
        next();
        check(page, "question 2 (short answer)");
        page.locator("textarea, input[type=text]").first().fill("Retry-After");
        next();
        check(page, "question 3 (essay)");
        // another tab saves a newer answer meanwhile: this page's save is refused and both versions are shown
        app.app.attempts().save(attempt, 3, new Attempts.Base(0, "tab-other"), new AnswerInput(List.of(), "From the other tab: " + LONG_WORD));
        page.locator("textarea").first().fill(LONG_ESSAY);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish…")).click();
        page.waitForLoadState();
        check(page, "stale page");
        page.navigate(app.url("/attempts/" + attempt + "/submit"));
        check(page, "/attempts/{id}/submit");
        page.locator("form[action$='/submit'] button[type=submit]").last().click();
        page.waitForURL("**/result");
        check(page, "/attempts/{id}/result");
    }

    /** axe at both widths; at a phone's, the page itself must not scroll sideways. */
    private void check(Page p, String name) throws Exception {
        pagesChecked++;
        p.setViewportSize(PHONE, 844);
        int width = ((Number) p.evaluate("document.documentElement.scrollWidth")).intValue();
        System.out.printf("%5d px wide at %d: %s%n", width, PHONE, name);
        if (width > PHONE + 1) {
            problems.add(name + " is " + width + " px wide at " + PHONE + " px; sticking out: " + p.evaluate(WIDEST));
        }
        axe(p, name, PHONE, new AxeBuilder(p).options(AXE_OPTIONS));
        shot(p, name, PHONE);
        p.setViewportSize(1280, 900);
        Object notTables = p.evaluate("[...document.querySelectorAll('table')].filter(t => getComputedStyle(t).display !== 'table')"
                + ".map(t => t.className).join(', ')");
        if (!String.valueOf(notTables).isEmpty()) {
            problems.add(name + " at 1280 px: tables laid out as something else (class " + notTables + ")");
        }
        // every rule ran at the phone's width; at the desktop's, only what the width changes (what overflows), for time
        axe(p, name, 1280, new AxeBuilder(p).withRules(List.of("scrollable-region-focusable")));
        shot(p, name, 1280);
    }

    private void axe(Page p, String name, int width, AxeBuilder axe) {
        long t = System.nanoTime();
        // legacy mode runs axe in the page itself; the default opens a new browser page per run to finish it (no iframes here)
        var violations = axe.setLegacyMode(true).analyze().getViolations();
        axeMillis += (System.nanoTime() - t) / 1_000_000;
        for (Rule rule : violations) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                for (var node : rule.getNodes()) {
                    problems.add("%s at %d px: %s (%s) on %s: %s (%s)".formatted(name, width, rule.getId(), rule.getImpact(),
                            node.getTarget(), abbreviate(node.getHtml()), p.url()));
                }
            }
        }
    }

    private static AxeRunOptions axeOptions() {
        var options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        var on = new AxeRuleOptions();
        on.setEnabled(true);
        options.setRules(java.util.Map.of("label-content-name-mismatch", on));
        return options;
    }

    private static void shot(Page p, String name, int width) throws Exception {
        if (SHOTS.isBlank()) {
            return;
        }
        Path dir = Path.of(SHOTS);
        Files.createDirectories(dir);
        String file = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve((file.isEmpty() ? "home" : file) + "-" + width + ".png"))
                .setFullPage(true));
    }

    /** The elements whose right edge lies past the viewport, innermost first: what makes the page wide. */
    private static final String WIDEST = """
            () => { const out = [];
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 1)) {
                  out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ +/g, '.') : '') + ' ' + Math.round(r.right));
                }
              }
              return out.slice(0, 8).join(', '); }""";

    private static String abbreviate(String html) {
        String one = String.valueOf(html).replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** A bank and a quiz whose questions hold what makes a page wide: long code lines, long names, long words. */
    private void writeWideContent(String shortKey) throws Exception {
        Path content = app.dir.resolve("content");
        Files.writeString(content.resolve("skills/phones.md"), """
                ---
                title: Retries, timeouts and other things that make lines long
                summary: A fixture bank whose questions hold long code and long answers.
                ---

                ## Which call retries the request with a timeout per try? {#wide-code difficulty=easy tags=http,resilience-and-retries}

                ```ts
                const response = await fetch(`https://api.example.org/v1/organisations/${organisationId}/members?include=roles,permissions,invitations&page=${page}`, { headers: { Authorization: `Bearer ${token}` } });
                ```

                - [x] `retry(() => fetch(url, { signal: AbortSignal.timeout(5_000) }), { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4_000 })`
                - [ ] `fetch(url)` with no timeout at all
                - [ ] `setInterval(() => fetch(url), 1000)`

                > `AbortSignal.timeout` bounds each try; the wrapper backs off exponentially:
                >
                > ```yaml
                > retryPolicy: { maxAttempts: 3, initialBackoff: 0.25s, maxBackoff: 4s, backoffMultiplier: 2, retryableStatusCodes: [UNAVAILABLE, RESOURCE_EXHAUSTED] }
                > ```

                ## Which response header tells a client how long to wait before it retries? {#wide-short type=short difficulty=medium tags=http}

                Answer: %s

                > `Retry-After`, in seconds or as an HTTP date (https://www.rfc-editor.org/rfc/rfc9110.html#name-retry-after).

                ## Describe how you would make a flaky downstream call safe to retry {#wide-essay type=essay points=4 difficulty=hard tags=resilience-and-retries}

                Say what makes a retry safe, and how you keep retries from making an outage worse.

                Rubric:
                - idempotency keys, so a repeated request does not repeat its effect (2 points)
                - exponential backoff with jitter, a retry budget or a circuit breaker (2 points)
                - Red flag: retries every error immediately and forever

                Model answer:

                An `Idempotency-Key` header stored with the result; `retry({ retries: 3, factor: 2, randomize: true })` behind a circuit breaker.
                """.formatted(shortKey));
        Files.writeString(content.resolve("quizzes/wide.md"), """
                ---
                title: Backend engineering screen for the platform team (resilience, HTTP and retries)
                summary: Three questions with long code, a short answer and an essay.
                time_limit: 30m
                pass_mark: 50
                mode: exam
                review: answers
                shuffle_questions: false
                shuffle_options: false
                draw:
                  - bank: phones
                access: public
                ---

                Answer **every** question. Code such as `Record<string, { retries: number; backoff: (attempt: number) => number }>` stays intact.
                """);
        app.app.content().reload();
    }

    static final String LONG_WORD = "https://status.example.org/incidents/2026-11-30/payments-api-upstream-timeouts-postmortem-and-follow-ups";
    static final String LONG_ESSAY = """
            I would give every request an Idempotency-Key and store the first result under it, so a retry returns that result.
            Retries use exponential backoff with full jitter: sleep = random(0, min(cap, base * 2 ** attempt)).
                const result = await retry(() => client.post('/payments', body, { headers: { 'Idempotency-Key': key }, timeout: 2_000 }), { retries: 3 });
            A circuit breaker stops retrying when the error rate passes 50 %% for 30 s; see\s""".formatted() + LONG_WORD;

    private String finished(String name, String essay, String shortAnswer) {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("wide", name);
            candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "0", "action", "next");
            candidate.post("/attempts/" + id + "/q/2", "revision", "0", "page", "tab-1", "response", shortAnswer, "action", "next");
            candidate.post("/attempts/" + id + "/q/3", "revision", "0", "page", "tab-1", "response", essay, "action", "review");
            candidate.post("/attempts/" + id + "/submit");
            return id;
        }
    }

    private String started(String name) {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("wide", name);
            candidate.post("/attempts/" + id + "/q/3", "revision", "0", "page", "tab-1", "response", LONG_ESSAY, "action", "stay");
            return id;
        }
    }


    private String one(String sql) {
        return app.app.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
