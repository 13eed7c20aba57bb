package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Chromium (the system's, or Playwright's own: see {@link Chromium}) against a fresh application per
 * test. The page's clock is Playwright's and starts at the server's test clock; console errors fail the test.
 */
abstract class BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Playwright playwright;
    protected static Browser browser;

    @TempDir
    protected Path dir;
    protected TestApp app;
    protected BrowserContext context;
    protected Page page;
    /** Console errors (a CSP violation shows up here) fail the test that caused them. */
    private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        var chromium = Chromium.forThisMachine();
        var options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"));
        if (chromium.playwrightsOwn()) {
            try {
                playwright = Playwright.create(); // downloads its own browser the first time
                browser = playwright.chromium().launch(options);
            } catch (RuntimeException e) {
                quit();
                throw new IllegalStateException(Chromium.downloadFailed(e), e);
            }
        } else {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(Chromium.SKIP_DOWNLOAD, "1")));
            browser = playwright.chromium().launch(options.setExecutablePath(chromium.executable().orElseThrow()));
        }
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void open() {
        app = TestApp.start(dir);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 900));
        context.clock().install(new Clock.InstallOptions().setTime(app.clock.millis()));
        page = context.newPage();
        context.onPage(p -> p.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("net::ERR_ABORTED") && !m.text().contains("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        }));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
    }

    @AfterEach
    void close() {
        context.close();
        app.close();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    protected void startTimedQuiz(Page p) {
        p.navigate(app.url("/quizzes/timed"));
        p.getByLabel("Your name").fill("Ada");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the clock")).click();
        onTheFirstQuestion(p);
    }

    /** The autosave reached the server: the status line says so (the retry after a failure may take a while). */
    protected static void assertSaved(Page p) {
        assertThat(p.locator("#save-status")).containsText("Saved",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    }

    /** The attempt started and the page script is in place before the test starts answering. */
    protected static void onTheFirstQuestion(Page p) {
        p.waitForURL("**/q/1");
        p.waitForLoadState();
    }

    protected void next() {
        String before = page.locator("h1").textContent();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next").setExact(true)).click();
        assertThat(page.locator("h1")).not().hasText(before);
        page.waitForLoadState();
    }

    protected void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /** The page as it is at 1280 px and at 390 px (a phone), full length, into {@code dir}, for a person to look at. */
    protected static void shots(Page p, Path dir, String name) throws java.io.IOException {
        Files.createDirectories(dir);
        var size = p.viewportSize();
        for (int width : new int[]{1280, 390}) {
            p.setViewportSize(width, 900);
            p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-" + width + ".png")).setFullPage(true));
        }
        p.setViewportSize(size.width, size.height);
    }

    /** Signs in through the sign-in form, as a staff user whose password is {@link dev.skillmark.Fixtures#PASSWORD}. */
    protected void signIn(Page p, String username) {
        p.navigate(app.url("/sign-in"));
        p.getByLabel("Username").fill(username);
        p.getByLabel("Password").fill(dev.skillmark.Fixtures.PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        p.waitForLoadState();
    }
}
