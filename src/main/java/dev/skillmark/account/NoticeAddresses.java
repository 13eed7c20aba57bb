package dev.skillmark.account;

import dev.skillmark.web.SkillmarkException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Where a member of staff gets notices ("candidate finished"); each sets their own, or none. */
public final class NoticeAddresses {

    interface Dao {
        @SqlQuery("select email from staff_email where username = :username")
        Optional<String> of(@Bind("username") String username);

        @SqlUpdate("delete from staff_email where username = :username")
        void clear(@Bind("username") String username);

        @SqlUpdate("insert into staff_email (username, email) values (:username, :email)")
        void insert(@Bind("username") String username, @Bind("email") String email);
    }

    private final Jdbi jdbi;

    public NoticeAddresses(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> of(String username) {
        return jdbi.withExtension(Dao.class, dao -> dao.of(username));
    }

    /** In the caller's transaction: the notice about an event goes out with it. */
    public Optional<String> of(Handle handle, String username) {
        return handle.attach(Dao.class).of(username);
    }

    /** Sets (or, when blank, removes) the signed-in person's own address. */
    public void set(User user, String email) {
        String address = email == null ? "" : email.strip();
        if (!address.isEmpty() && !Invitations.looksLikeEmail(address)) {
            throw new SkillmarkException.InvalidInput("notify", "That is not an e-mail address.");
        }
        jdbi.useTransaction(h -> {
            var dao = h.attach(Dao.class);
            dao.clear(user.username());
            if (!address.isEmpty()) {
                dao.insert(user.username(), address);
            }
        });
    }
}
