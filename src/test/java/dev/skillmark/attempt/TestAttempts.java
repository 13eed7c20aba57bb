package dev.skillmark.attempt;

import dev.skillmark.Database;
import dev.skillmark.Fixtures;
import dev.skillmark.TestClock;
import dev.skillmark.TestDatabase;
import dev.skillmark.account.Audit;
import dev.skillmark.account.Invitations;
import dev.skillmark.account.User;
import dev.skillmark.content.Content;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import dev.skillmark.web.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The attempt feature on its own, for walkthroughs: a real H2 file database in a temp folder, the
 * fixture content, a test clock and pinned draw seeds. Helpers read like what a candidate does.
 */
final class TestAttempts implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(15);
    /** The interviewer who sends invitations in these stories. */
    static final User IVY = new User(1, "ivy", "Ivy", Set.of(Role.INTERVIEWER), false);

    final TestClock clock = new TestClock();
    final Database database;
    final Content content;
    final Invitations invitations;
    final Attempts attempts;
    final AttemptPages pages;
    final Grades grades;

    TestAttempts(Path dir) {
        var config = TestDatabase.config(dir.resolve("data"), Fixtures.content("content", dir.resolve("content")));
        database = new Database(config);
        content = new Content(config.contentDir(), new ContentLoader(new Markdown()), clock);
        var audit = new Audit(database.jdbi(), clock);
        invitations = new Invitations(database.jdbi(), clock, audit, content);
        grades = new Grades(database.jdbi(), audit, clock);
        attempts = new Attempts(database.jdbi(), content, invitations, grades, clock, GRACE, Fixtures.seeds(), AttemptMetrics.NONE);
        pages = new AttemptPages(database.jdbi(), attempts);
    }

    /** A second attempt service on the same database that tells {@code metrics} what it does (its caller closes it). */
    Attempts attemptsTelling(AttemptMetrics metrics) {
        return new Attempts(database.jdbi(), content, invitations, grades, clock, GRACE, Fixtures.seeds(), metrics);
    }

    String start(String quiz, String candidate) {
        return attempts.start(quiz, candidate, Client.UNKNOWN);
    }

    /** Ivy invites the candidate, who follows the link and starts. */
    String startInvited(String quiz, String candidate, int extraTimePercent) {
        var issued = invitations.invite(new Invitations.Request(quiz, candidate, "", 7, extraTimePercent), IVY);
        var invitation = invitations.forCandidate(issued.token());
        return attempts.startInvited(quiz, invitation.candidateName(),
                new Attempts.Invited(invitation.id(), invitation.extraTimePercent()), Client.UNKNOWN);
    }

    /** Ticks options by their position on the page, as the candidate's form sends them. */
    /** The candidate's one tab: it may overwrite its own saves. */
    static final Attempts.Base TAB = new Attempts.Base(0, "tab-1");

    Saved tick(String attempt, int slot, int... positions) {
        var choices = Arrays.stream(positions).mapToObj(String::valueOf).toList();
        return attempts.save(attempt, slot, TAB, new AnswerInput(choices, ""));
    }

    Saved type(String attempt, int slot, String text) {
        return attempts.save(attempt, slot, TAB, text(text));
    }

    Views.Result submit(String attempt) {
        attempts.submit(attempt);
        return pages.result(attempt);
    }

    /** The slot a question was drawn into: the seed is pinned, so this is the same in every run. */
    int slotOf(String attempt, String questionId) {
        return database.jdbi().withExtension(AttemptDao.class, dao -> dao.slots(attempt)).stream()
                .filter(s -> s.questionId().equals(questionId)).findFirst().map(SlotSnapshot::slot).orElseThrow();
    }

    /** Where the correct option of a choice question sits on this attempt's page. */
    int correctPosition(String attempt, int slot) {
        return database.jdbi().withExtension(AttemptDao.class, dao -> dao.options(attempt)).stream().filter(o -> o.slot() == slot)
                .filter(OptionSnapshot::correct).findFirst().map(OptionSnapshot::position).orElseThrow();
    }

    /** A count the query {@code sql} gives with {@code :id} bound to the attempt. */
    int count(String sql, String attemptId) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).bind("id", attemptId).mapTo(Integer.class).one());
    }

    static AnswerInput text(String text) {
        return new AnswerInput(List.of(), text);
    }

    @Override
    public void close() {
        database.close();
    }
}
