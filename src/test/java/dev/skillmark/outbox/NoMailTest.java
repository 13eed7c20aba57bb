package dev.skillmark.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillmark.AppTest;
import dev.skillmark.Config;
import dev.skillmark.web.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without SMTP the pages say so and offer the link to copy; the settings are read, and their secrets never printed. */
class NoMailTest extends AppTest {

    @Test
    void without_smtp_the_invitation_page_says_so_offers_a_copy_button_and_nothing_is_queued() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var page = app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada", "email", "ada@example.com", "expires", "7", "extra", "0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("E-mail is not set up; copy the link and send it yourself.")
                .contains("class=\"button copy-link\"").contains("<script src=\"/static/js/copy-link.js\" defer></script>")
                .doesNotContain("on its way");
        var script = app.get("/static/js/copy-link.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("navigator.clipboard");

        assertThat(app.app.outbox().deliverDue()).isZero();
        int queued = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from outbox").mapTo(Integer.class).one());
        assertThat(queued).isZero();
        assertThat(app.get("/outbox").body()).contains("E-mail is not set up");
    }

    @Test
    void the_mail_and_webhook_settings_are_read_from_the_environment_and_their_secrets_are_never_printed() {
        var config = Config.fromEnvironment(Map.of("SKILLMARK_SMTP_HOST", "smtp.example.com", "SKILLMARK_SMTP_USER", "skillmark",
                "SKILLMARK_SMTP_PASSWORD", "hunter2-smtp", "SKILLMARK_SMTP_TLS", "smtps", "SKILLMARK_MAIL_FROM", "quiz@example.com",
                "SKILLMARK_WEBHOOK_URL", "https://ats.example.com/hooks", "SKILLMARK_WEBHOOK_SECRET", "hunter2-hook"));
        var smtp = config.outbound().smtp().orElseThrow();
        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp.tls()).isEqualTo(Outbound.Tls.SMTPS);
        assertThat(config.outbound().mailFrom()).isEqualTo("quiz@example.com");
        assertThat(config.outbound().webhook().orElseThrow().url()).isEqualTo("https://ats.example.com/hooks");
        assertThat(config.outbound().toString()).contains("smtp.example.com").doesNotContain("hunter2");
        assertThat(Config.SETTINGS).containsKeys("SKILLMARK_SMTP_HOST", "SKILLMARK_SMTP_PORT", "SKILLMARK_SMTP_USER",
                "SKILLMARK_SMTP_PASSWORD", "SKILLMARK_SMTP_TLS", "SKILLMARK_MAIL_FROM", "SKILLMARK_WEBHOOK_URL", "SKILLMARK_WEBHOOK_SECRET");

        assertThat(Config.fromEnvironment(Map.of()).outbound().mailEnabled()).isFalse();
        assertThat(Config.fromEnvironment(Map.of("SKILLMARK_SMTP_HOST", "smtp.example.com")).outbound().smtp().orElseThrow().port())
                .isEqualTo(587);
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SKILLMARK_WEBHOOK_URL", "https://ats.example.com/hooks")))
                .hasMessageContaining("SKILLMARK_WEBHOOK_SECRET");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SKILLMARK_SMTP_HOST", "h", "SKILLMARK_SMTP_TLS", "maybe")))
                .hasMessageContaining("starttls, smtps or none");
    }
}
