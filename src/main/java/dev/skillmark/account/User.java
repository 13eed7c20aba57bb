package dev.skillmark.account;

import dev.skillmark.web.Role;
import dev.skillmark.web.Staff;
import java.util.Set;

/** A signed-up person: interviewer, trainer and/or admin. Candidates never need one. */
public record User(long id, String username, String displayName, Set<Role> roles, boolean disabled,
                   boolean mustChangePassword) implements Staff {

    public User {
        roles = Set.copyOf(roles);
    }

    public User(long id, String username, String displayName, Set<Role> roles, boolean disabled) {
        this(id, username, displayName, roles, disabled, false);
    }

    @Override
    public boolean may(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }
}
