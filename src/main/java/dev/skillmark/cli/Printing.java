package dev.skillmark.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/** The commands' own output goes where picocli's does, so tests and callers capture it in one place. */
final class Printing {

    private Printing() {
    }

    static PrintStream stream(CommandSpec spec) {
        var writer = spec.commandLine().getOut();
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                writer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                writer.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
