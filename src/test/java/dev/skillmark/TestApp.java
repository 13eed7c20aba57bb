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
        var config = TestDatabase.config(dir.resolve("data"), Fixtures.content("content", dir.resolve("content")));
        return new TestApp(dir, clock, Skillmark.start(config, clock, extra));
    }

    /** Creates a user with these roles and signs this session in as them. */
    public dev.skillmark.account.User signInAs(String username, dev.skillmark.account.Role... roles) {
        var user = app.accounts().create(username, username, "correct horse battery", java.util.Set.of(roles), "test");
        get("/sign-in");
        var reply = post("/sign-in", "username", username, "password", "correct horse battery");
        if (reply.status() != 303) {
            throw new IllegalStateException("sign-in failed: " + reply.status());
        }
        return user;
    }

    public String attemptStatus(String attemptId) {
        return app.attempts().attempt(attemptId).status();
    }

    @Override
    public void close() {
        app.close();
    }
}
