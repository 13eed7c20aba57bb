package dev.skillmark.account;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(UserDao.UserRow.class)
interface UserDao {

    record UserRow(long id, String username, String displayName, String passwordHash, boolean disabled,
                   boolean mustChangePassword) {
    }

    @SqlUpdate("""
        insert into app_user (username, display_name, password_hash, created_at)
        values (:username, :displayName, :hash, :at)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("displayName") String displayName, @Bind("hash") String hash,
                @Bind("at") long at);

    @SqlQuery("select id, username, display_name, password_hash, disabled, must_change_password from app_user where username = :username")
    Optional<UserRow> byUsername(@Bind("username") String username);

    @SqlQuery("select id, username, display_name, password_hash, disabled, must_change_password from app_user where id = :id")
    Optional<UserRow> byId(@Bind("id") long id);

    @SqlQuery("select id, username, display_name, password_hash, disabled, must_change_password from app_user order by username")
    List<UserRow> all();

    @SqlQuery("select role from user_role where user_id = :id")
    List<String> roles(@Bind("id") long userId);

    @SqlUpdate("insert into user_role (user_id, role) values (:id, :role)")
    void addRole(@Bind("id") long userId, @Bind("role") String role);

    @SqlUpdate("delete from user_role where user_id = :id")
    void clearRoles(@Bind("id") long userId);

    @SqlQuery("select count(*) from user_role r join app_user u on u.id = r.user_id where r.role = 'ADMIN' and u.disabled = false")
    int activeAdmins();

    @SqlUpdate("update app_user set password_hash = :hash, must_change_password = :mustChange where id = :id")
    int setPassword(@Bind("id") long id, @Bind("hash") String hash, @Bind("mustChange") boolean mustChange);

    @SqlUpdate("update app_user set last_sign_in_at = :at where id = :id")
    void signedIn(@Bind("id") long id, @Bind("at") long at);

    /** Each user's last sign-in, for the ones who have signed in at all. */
    @RegisterConstructorMapper(LastSignIn.class)
    @SqlQuery("select id, last_sign_in_at from app_user where last_sign_in_at is not null")
    List<LastSignIn> lastSignIns();

    record LastSignIn(long id, long lastSignInAt) {
    }

    @SqlUpdate("update app_user set disabled = :disabled where id = :id")
    int setDisabled(@Bind("id") long id, @Bind("disabled") boolean disabled);

    // sessions

    @SqlUpdate("insert into user_session (id_hash, user_id, created_at, last_seen_at) values (:hash, :user, :at, :at)")
    void insertSession(@Bind("hash") String idHash, @Bind("user") long userId, @Bind("at") long at);

    @RegisterConstructorMapper(SessionRow.class)
    @SqlQuery("select id_hash, user_id, created_at, last_seen_at from user_session where id_hash = :hash")
    Optional<SessionRow> session(@Bind("hash") String idHash);

    record SessionRow(String idHash, long userId, long createdAt, long lastSeenAt) {
    }

    @SqlUpdate("update user_session set last_seen_at = :at where id_hash = :hash")
    void touchSession(@Bind("hash") String idHash, @Bind("at") long at);

    @SqlUpdate("delete from user_session where id_hash = :hash")
    void deleteSession(@Bind("hash") String idHash);

    @SqlUpdate("delete from user_session where user_id = :user")
    void deleteSessionsOf(@Bind("user") long userId);

    @SqlUpdate("delete from user_session where last_seen_at < :idleCutoff or created_at < :absoluteCutoff")
    int deleteExpiredSessions(@Bind("idleCutoff") long idleCutoff, @Bind("absoluteCutoff") long absoluteCutoff);

    // the one-time setup link

    @SqlUpdate("insert into setup_token (token_hash, created_at) values (:hash, :at)")
    void insertSetupToken(@Bind("hash") String hash, @Bind("at") long at);

    @SqlQuery("select count(*) from setup_token where token_hash = :hash and used_at is null")
    int openSetupTokens(@Bind("hash") String hash);

    /** Every open link, locked in one order: parallel set-ups from links of different instances queue here. */
    @SqlQuery("select token_hash from setup_token where used_at is null order by token_hash for update")
    List<String> lockOpenSetupTokens();

    @SqlUpdate("update setup_token set used_at = :at where used_at is null")
    void retireSetupTokens(@Bind("at") long at);
}
