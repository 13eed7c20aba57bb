package dev.skillmark.account;

import java.util.Set;

/** A signed-up person: interviewer, trainer and/or admin. Candidates never need one. */
public record User(long id, String username, String displayName, Set<Role> roles, boolean disabled) {

    public User {
        roles = Set.copyOf(roles);
    }

    /** Admins may do everything; others need the role itself. */
    public boolean may(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }

    public boolean hasRole(String role) {
        return Role.parse(role).map(roles::contains).orElse(false);
    }
}
