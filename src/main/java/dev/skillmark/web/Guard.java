package dev.skillmark.web;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, and may they. A feature supplies it (account does, from the session cookie);
 * {@link Web} calls {@link #identify} before every page and {@link #require} once before any
 * handler of a route that declares roles.
 */
public interface Guard {

    String STAFF = "skillmark.staff";

    /** Remembers who is signed in, if anyone, for the page and for {@link #staff}. */
    void identify(Context ctx);

    /** The signed-in staff session's id, which CSRF tokens are bound to; empty for everyone else. */
    default Optional<String> sessionId(Context ctx) {
        return Optional.empty();
    }

    /** Throws (or redirects to sign-in) unless the visitor holds one of {@code roles}. */
    void require(Context ctx, Set<Role> roles);

    static Optional<Staff> staff(Context ctx) {
        return Optional.ofNullable(ctx.attribute(STAFF));
    }

    /** Lets a page be seen by everyone: no one is signed in, no role is needed. */
    Guard NOBODY = new Guard() {
        @Override
        public void identify(Context ctx) {
        }

        @Override
        public void require(Context ctx, Set<Role> roles) {
            throw new SkillmarkException.Forbidden("Sign in first.");
        }
    };
}
