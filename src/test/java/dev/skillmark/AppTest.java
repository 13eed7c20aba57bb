package dev.skillmark;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration tests against the real application: a fresh one for every test (its own H2 file
 * database, its own copy of the fixture content, a test clock, port 0), closed after it.
 */
public abstract class AppTest {

    @TempDir
    protected Path dir;
    protected TestApp app;

    @BeforeEach
    final void startTheApp() {
        app = TestApp.start(dir);
    }

    @AfterEach
    final void closeTheApp() {
        app.close();
    }
}
