package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.Fixtures;
import dev.skillmark.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the staff browser tests share: a real Chromium, a fresh app per test, an interviewer signed in. */
abstract class StaffBrowser {

    private static Playwright playwright;
    static Browser browser;

    @TempDir
    Path dir;
    TestApp app;
    BrowserContext context;
    Page page;
    private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(BrowserTest.chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void quit() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void open() {
        app = TestApp.start(dir);
        context = newContext(1100, 900);
        page = context.newPage();
    }

    BrowserContext newContext(int width, int height) {
        var c = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setTimezoneId("Europe/Berlin"));
        c.clock().install(new Clock.InstallOptions().setTime(app.clock.millis()));
        c.onPage(p -> p.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        }));
        return c;
    }

    @AfterEach
    void close() {
        context.close();
        app.close();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    void signInAsInterviewer() {
        app.app.accounts().create("ivy", "Ivy Interviewer", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        signIn(page, "ivy");
    }

    void signIn(Page p, String username) {
        p.navigate(app.url("/sign-in"));
        p.getByLabel("Username").fill(username);
        p.getByLabel("Password").fill(Fixtures.PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** A candidate takes the timed quiz through the start page and submits; returns the attempt id. */
    String finishedAttempt(String name, int choice, String essay) {
        String id = app.startAttempt("timed", name);
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", String.valueOf(choice), "action", "next");
        if (essay != null) {
            app.post("/attempts/" + id + "/q/6", "revision", "0", "page", "tab-1", "response", essay, "action", "review");
        }
        app.post("/attempts/" + id + "/submit");
        return id;
    }

    int count(String sql) {
        return app.app.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    void screenshot(Page p, String name) {
        try {
            Files.createDirectories(BrowserTest.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        p.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
