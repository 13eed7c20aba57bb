package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the SQL statements each candidate request runs (JDBI's {@link SqlLogger}), so N+1 queries and
 * repeated reads of the immutable snapshot can't come back unnoticed. Statements of the background
 * threads (the timeline writer, the sweeper) are not the request's and are left out.
 */
class QueryCountTest {

    @TempDir
    Path dir;
    private TestApp app;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        app.app.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                String thread = Thread.currentThread().getName();
                // the request's own statements: not the background writers of timeline, sweeps and mail
                if (!thread.equals("timeline-writer") && !thread.equals("attempt-sweeper") && !thread.equals("outbox-sender")) {
                    statements.add(context.getRenderedSql());
                }
            }
        });
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private int count(Runnable request) {
        statements.clear();
        request.run();
        return statements.size();
    }

    @Test
    void each_candidate_request_runs_a_stated_number_of_statements() {
        String id = app.startAttempt("timed", "Ada");
        int firstPage = count(() -> assertThat(app.get("/attempts/" + id + "/q/1").status()).isEqualTo(200));
        List<String> firstStatements = List.copyOf(statements);
        int page = count(() -> assertThat(app.get("/attempts/" + id + "/q/2").status()).isEqualTo(200));
        List<String> pageStatements = List.copyOf(statements);
        int save = count(() -> assertThat(app.autosave(id, 1, "choice", "0").status()).isEqualTo(200));
        List<String> saveStatements = List.copyOf(statements);
        int submit = count(() -> assertThat(app.post("/attempts/" + id + "/submit").status()).isEqualTo(303));
        List<String> submitStatements = List.copyOf(statements);
        int result = count(() -> assertThat(app.get("/attempts/" + id + "/result").status()).isEqualTo(200));

        // first page: the attempt row, its answers, and the snapshot (slots, options) read once
        assertThat(firstPage).as("first question page: %s", firstStatements).isLessThanOrEqualTo(4);
        // every later page: the attempt row and its answers only; "shown" goes to the timeline writer
        assertThat(page).as("question page: %s", pageStatements).isLessThanOrEqualTo(2);
        assertThat(pageStatements).noneMatch(s -> s.contains("attempt_question") || s.contains("question_snapshot")
                || s.contains("insert into attempt_event"));
        // a save: the attempt row, the shared commit's lock of every attempt in it and this one's, the answer it
        // replaces, the save count, the update, and the burst count; the snapshot comes from memory, and the reply's
        // deadline from the row the lock read
        assertThat(save).as("autosave: %s", saveStatements).isLessThanOrEqualTo(6);
        assertThat(saveStatements).noneMatch(s -> s.contains("attempt_question") || s.contains("question_snapshot"));
        assertThat(submit).as("submit: %s", submitStatements).isLessThanOrEqualTo(SUBMIT_MAX);
        assertThat(result).as("result page").isLessThanOrEqualTo(RESULT_MAX);
    }

    /**
     * Submit: 8 statements, whatever the number of questions: the attempt, its lock, the finalisation row, the
     * timeline, the answers, one batch of grades with the times spent, the status with the score, and the event; the
     * snapshot comes from memory. Plus two when the submit flushes timeline events the writer has not
     * written yet: the lock on the attempts whose "shown" events wait (another instance may have finalised one)
     * and the batch insert.
     */
    private static final int SUBMIT_MAX = 10;
    /** Result: the attempt, its finalisation and its answers, one read each; the snapshot comes from memory. */
    private static final int RESULT_MAX = 3;
}
