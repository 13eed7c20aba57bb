package dev.skillmark;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * A secret the server keeps in its database: made at first start, so every instance on the same
 * database shares it. Its value is never logged.
 */
final class ServerSecret {

    interface Dao {
        @SqlQuery("select secret_value from server_secret where name = :name")
        Optional<String> get(@Bind("name") String name);

        @SqlUpdate("insert into server_secret (name, secret_value, created_at) values (:name, :value, :at)")
        void insert(@Bind("name") String name, @Bind("value") String value, @Bind("at") long at);
    }

    private ServerSecret() {
    }

    /** The secret called {@code name}; the first caller makes it, and a racing instance reads the winner's. */
    static byte[] load(Jdbi jdbi, String name, Clock clock) {
        var existing = jdbi.withExtension(Dao.class, dao -> dao.get(name));
        if (existing.isPresent()) {
            return Base64.getDecoder().decode(existing.get());
        }
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            jdbi.useExtension(Dao.class, dao -> dao.insert(name, Base64.getEncoder().encodeToString(bytes), clock.millis()));
            return bytes;
        } catch (UnableToExecuteStatementException raced) {
            return Base64.getDecoder().decode(jdbi.withExtension(Dao.class, dao -> dao.get(name)).orElseThrow(() -> raced));
        }
    }
}
