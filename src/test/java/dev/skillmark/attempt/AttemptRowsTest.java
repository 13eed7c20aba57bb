package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.Test;

/** The written-out mappers of the hot path read every column as JDBI's constructor mapper does, nulls included. */
class AttemptRowsTest extends AppTest {

    @Test
    void the_attempt_and_its_answers_read_the_same_as_through_the_constructor_mapper() {
        try (var candidate = new HttpSession(app.app.port())) {
            String open = candidate.startAttempt("timed", "Ada"); // in progress: no finish, no score, nothing saved
            String done = candidate.startAttempt("timed", "Grace");
            assertThat(candidate.autosave(done, 1, "choice", "1").status()).isEqualTo(200);
            assertThat(candidate.autosave(done, 3, "response", "KEYMARKER").status()).isEqualTo(200);
            candidate.post("/attempts/" + done + "/q/2", "action", "flag", "revision", "0", "page", "tab-1");
            assertThat(candidate.post("/attempts/" + done + "/submit").status()).isEqualTo(303);
            for (String id : List.of(open, done)) {
                app.app.jdbi().useHandle(h -> {
                    var expected = h.createQuery("select * from attempt where id = :id").bind("id", id)
                            .map(ConstructorMapper.of(Attempt.class)).one();
                    assertThat(AttemptRows.attempt(h, id)).contains(expected);
                    var answers = h.createQuery("select * from answer where attempt_id = :id order by slot").bind("id", id)
                            .map(ConstructorMapper.of(AnswerState.class)).list();
                    assertThat(AttemptRows.answers(h, id)).isNotEmpty().isEqualTo(answers);
                });
            }
            var finished = app.app.jdbi().withHandle(h -> AttemptRows.attempt(h, done)).orElseThrow();
            assertThat(finished.finishedAt()).isNotNull();
            List<AnswerState> graded = app.app.jdbi().withHandle(h -> AttemptRows.answers(h, done));
            assertThat(graded).anyMatch(a -> a.points() != null);
            assertThat(graded).anyMatch(a -> a.savedAt() != null).anyMatch(a -> a.revision() > 0).anyMatch(AnswerState::flagged);
        }
    }
}
