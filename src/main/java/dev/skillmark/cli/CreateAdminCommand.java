package dev.skillmark.cli;

import dev.skillmark.Config;
import dev.skillmark.Database;
import dev.skillmark.account.Accounts;
import dev.skillmark.account.Audit;
import dev.skillmark.account.Throttle;
import dev.skillmark.web.Role;
import dev.skillmark.web.SkillmarkException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create-admin", mixinStandardHelpOptions = true, description = "Add an admin (password from $SKILLMARK_ADMIN_PASSWORD or typed).")
final class CreateAdminCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        String password = System.getenv("SKILLMARK_ADMIN_PASSWORD");
        if (password == null && System.console() != null) {
            char[] typed = System.console().readPassword("Password for %s: ", username);
            password = typed == null ? null : new String(typed);
        }
        if (password == null) {
            out.println("Set SKILLMARK_ADMIN_PASSWORD or run this in a terminal to type the password.");
            return 2;
        }
        var config = Config.fromEnvironment(System.getenv());
        try (var database = new Database(config)) {
            var clock = Clock.systemUTC();
            var audit = new Audit(database.jdbi(), clock);
            var accounts = new Accounts(database.jdbi(), clock, audit, new Throttle(database.jdbi(), clock), dev.skillmark.account.Hashing.forThisMachine(),
                    config.sessionIdle(), config.sessionMax());
            var user = accounts.create(username, username, password,
                    EnumSet.of(Role.ADMIN, Role.INTERVIEWER, Role.TRAINER), "command-line");
            out.println("Created admin '" + user.username() + "'.");
            return 0;
        } catch (SkillmarkException.InvalidInput e) {
            out.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println("Cannot open the database " + config.databaseUrl() + ": " + Cli.rootMessage(e)
                    + ". If Skillmark is running on it, stop it first, or use the setup link it printed.");
            return 1;
        }
    }
}
