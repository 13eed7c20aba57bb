package dev.skillmark;

import dev.skillmark.account.User;
import dev.skillmark.attempt.Attempt;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

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
        return start(dir, UnaryOperator.identity(), extra);
    }

    /** The test app on a configuration the test adjusts (another database URL, say). */
    public static TestApp start(Path dir, UnaryOperator<Config> adjust, List<Routes> extra) {
        var clock = new TestClock();
        var config = adjust.apply(TestDatabase.config(dir.resolve("data"), Fixtures.content("content", dir.resolve("content"))));
        var app = Skillmark.start(config, clock, Fixtures.seeds(), extra);
        // the fixture site is a public practice site (its quizzes say access: public); the shipped defaults,
        // public practice off, are tested on their own (ExposureCrawlTest, StartAccessTest)
        app.jdbi().useHandle(h -> {
            h.execute("insert into setting (name, setting_value) values ('public_practice', 'true')");
            // tests start many attempts from one client; the retake limit itself is tested in PublicAccessTest
            h.execute("insert into setting (name, setting_value) values ('public_exam_attempts', '100')");
        });
        return new TestApp(dir, clock, app);
    }

    /**
     * A second instance of the application on this one's database and clock, with its own copy of the fixture
     * content in {@code otherDir}, its own port, sweeper, caches and timeline writer: what a load balancer has
     * behind it. On H2 both use the same file URL, which one JVM shares; on PostgreSQL the same database.
     */
    public TestApp another(Path otherDir) {
        var config = TestDatabase.config(dir.resolve("data"), Fixtures.content("content", otherDir.resolve("content")));
        return new TestApp(otherDir, clock, Skillmark.start(config, clock, Fixtures.seeds(), List.of()));
    }

    /** Creates a user with these roles and signs this session in as them. */
    public User signInAs(String username, Role... roles) {
        var user = app.accounts().create(username, username, Fixtures.PASSWORD, Set.of(roles), "test");
        signIn(user);
        return user;
    }

    public Attempt.Status attemptStatus(String attemptId) {
        return app.attempts().attempt(attemptId).status();
    }

    @Override
    public void close() {
        app.close();
    }
}
