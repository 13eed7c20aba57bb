package dev.skillmark.cli;

import dev.skillmark.Config;
import dev.skillmark.Skillmark;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server (the default). Settings come from the environment.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() {
        var config = Config.fromEnvironment(System.getenv());
        Skillmark app;
        try {
            app = Skillmark.start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            log.error("Skillmark could not start: {}", Cli.rootMessage(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        log.info("Skillmark is ready at {}/", config.publicUrl().orElse("http://"
                + (config.host().equals("0.0.0.0") ? "localhost" : config.host()) + ":" + app.port()));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
