package dev.skillmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage, as the README promises, and does nothing else. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"serve", "lint", "check-snippets", "create-admin", "import-gift", "export-gift", "backup", "restore"})
    void every_command_prints_its_usage_for_help(String command) {
        var out = new ByteArrayOutputStream();
        int code = Cli.run(new String[]{command, "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: skillmark " + command);
    }
}
