package dev.skillmark.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The server a simulation starts for itself (the load quiz, public practice on, warmed up), in a JVM of its own and
 * kept running between simulations, so that one measures the server alone and a second deadline burst meets a server
 * that has served one. Each line on standard input is an instant, the load quiz's new {@code closes:} (the next
 * burst's {@code -Dskillmark.deadline}); it serves until stopped and then prints what the database holds.
 */
public final class LoadServer {

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        var target = Target.startHere();
        Runtime.getRuntime().addShutdownHook(new Thread(target::printOutcome));
        System.out.printf("Load server ready: -Dskillmark.url=%s -Dskillmark.quiz=%s; type an instant such as %s to close the quiz then%n",
                target.url, target.quiz, Instant.now().plusSeconds(180).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                var closes = Instant.parse(line.strip());
                target.closeQuizAt(closes);
                System.out.println("The load quiz closes at " + closes);
            } catch (DateTimeParseException e) {
                System.out.println("Not an instant (2026-12-01T19:00:00Z): " + line.strip());
            }
        }
        Thread.currentThread().join(); // standard input closed: serve until stopped
    }
}
