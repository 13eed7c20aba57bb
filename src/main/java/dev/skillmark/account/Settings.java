package dev.skillmark.account;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Settings an admin changes at run time, kept in the database so every instance agrees. */
public final class Settings {

    public static final String PUBLIC_PRACTICE = "public_practice";
    public static final String PUBLIC_EXAM_ATTEMPTS = "public_exam_attempts";
    /** Attempts one browser may make at each public exam quiz, unless an admin says otherwise. */
    public static final int DEFAULT_PUBLIC_EXAM_ATTEMPTS = 1;
    /** Question statistics warn when a question was shown more often than this. */
    public static final String EXPOSURE_THRESHOLD = "exposure_threshold";

    interface Dao {
        @SqlQuery("select setting_value from setting where name = :name")
        Optional<String> get(@Bind("name") String name);

        @SqlUpdate("update setting set setting_value = :value where name = :name")
        int update(@Bind("name") String name, @Bind("value") String value);

        @SqlUpdate("insert into setting (name, setting_value) values (:name, :value)")
        void insert(@Bind("name") String name, @Bind("value") String value);
    }

    private final Jdbi jdbi;
    private final Audit audit;

    public Settings(Jdbi jdbi, Audit audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Whether anyone may take the practice quizzes and the quizzes marked {@code access: public} without an
     * invitation. Off until an admin turns it on: a hiring site publishes no keys by default.
     */
    public boolean publicPractice() {
        return jdbi.withExtension(Dao.class, dao -> dao.get(PUBLIC_PRACTICE)).map(Boolean::parseBoolean).orElse(false);
    }

    public void setPublicPractice(boolean on, User actor) {
        put(PUBLIC_PRACTICE, String.valueOf(on));
        audit.record(actor.username(), "settings.public-practice", "", on ? "on" : "off");
    }

    /** How many attempts one browser may make at each public exam quiz. */
    public int publicExamAttempts() {
        return jdbi.withExtension(Dao.class, dao -> dao.get(PUBLIC_EXAM_ATTEMPTS)).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(DEFAULT_PUBLIC_EXAM_ATTEMPTS);
    }

    public void setPublicExamAttempts(int attempts, User actor) {
        int value = Math.max(1, Math.min(100, attempts));
        put(PUBLIC_EXAM_ATTEMPTS, String.valueOf(value));
        audit.record(actor.username(), "settings.public-exam-attempts", "", String.valueOf(value));
    }

    /** A whole-number setting, if set. */
    public Optional<Integer> number(String name) {
        return jdbi.withExtension(Dao.class, dao -> dao.get(name)).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public void setNumber(String name, int value, User actor) {
        put(name, String.valueOf(value));
        audit.record(actor.username(), "settings." + name.replace('_', '-'), "", String.valueOf(value));
    }

    private void put(String name, String value) {
        jdbi.useTransaction(h -> {
            var dao = h.attach(Dao.class);
            if (dao.update(name, value) == 0) {
                dao.insert(name, value);
            }
        });
    }
}
