package dev.skillmark.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import dev.skillmark.web.Role;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A reload that changes a key finished attempts were graded with tells interviewers, with a link to the dry run. */
class KeyChangesTest extends AppTest {

    @Test
    void interviewers_see_how_many_attempts_were_graded_with_an_older_key_and_where_to_regrade() throws Exception {
        try (var candidate = new HttpSession(app.app.port())) {
            for (String name : new String[]{"Ada", "Bo"}) {
                String id = candidate.startAttempt("timed", name);
                candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "2", "action", "next");
                candidate.post("/attempts/" + id + "/submit");
            }
            candidate.startAttempt("timed", "Still going"); // in progress: not graded yet, not counted
        }
        app.signInAs("ivy", Role.INTERVIEWER);
        var bank = app.dir.resolve("content/skills/alpha.md");
        String original = Files.readString(bank);

        // rewording a prompt is not a key change
        Files.writeString(bank, original.replace("makes every property", "makes each property"));
        app.app.content().reload();
        assertThat(app.get("/review").body()).doesNotContain("older key");

        // the fix: `Readonly<T>` marked correct instead of `Partial<T>`
        Files.writeString(bank, original.replace("- [x] `Partial<T>`", "- [ ] `Partial<T>`").replace("- [ ] `Readonly<T>`", "- [x] `Readonly<T>`"));
        app.app.content().reload();
        var body = app.get("/review").body();
        assertThat(body).contains("2 attempts were graded with an older key of")
                .contains("Which utility type makes every property of <code>T</code> optional?")
                .contains("<code>skills/alpha.md:6</code>")
                .contains("href=\"/review/regrade?quiz=timed\"");
        assertThat(app.get("/review/regrade?quiz=timed").body()).contains("alpha-partial");

        Files.writeString(bank, original);
        app.app.content().reload();
        assertThat(app.get("/review").body()).doesNotContain("older key");
    }
}
