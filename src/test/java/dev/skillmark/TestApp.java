package dev.skillmark;

import dev.skillmark.web.Routes;
import java.nio.file.Path;
import java.util.List;

/**
 * The real application for integration tests: H2 file database in a temp folder, fixture content,
 * a test clock, a real server on port 0, and an HTTP session that keeps cookies like a browser.
 */
public final class TestApp extends HttpSession {

    public final Path dir;
    public final TestClock clock;
    public final Skillmark app;

    private TestApp(Path dir, TestClock clock, Skillmark app) {
        super(app::port);
        this.dir = dir;
        this.clock = clock;
        this.app = app;
    }

    public static TestApp start(Path dir) {
        return start(dir, List.of());
    }

    public static TestApp start(Path dir, List<Routes> extra) {
        var clock = new TestClock();
        var config = Config.forFolder(dir.resolve("data"), Fixtures.content("content", dir.resolve("content")));
        return new TestApp(dir, clock, Skillmark.start(config, clock, extra));
    }

    public String attemptStatus(String attemptId) {
        return app.attempts().attempt(attemptId).status();
    }

    @Override
    public void close() {
        app.close();
    }
}
