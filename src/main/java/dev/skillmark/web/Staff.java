package dev.skillmark.web;

/** The signed-in member of staff, as every page and every route check sees them. */
public interface Staff {

    String username();

    String displayName();

    /** Admins may do everything; others need the role itself. */
    boolean may(Role role);

    /** For templates: {@code user.hasRole('TRAINER')}. */
    default boolean hasRole(String role) {
        return Role.parse(role).map(this::may).orElse(false);
    }

    /** Where this person starts: the first staff page their roles open. */
    default String home() {
        if (may(Role.INTERVIEWER)) {
            return "/review";
        }
        return may(Role.TRAINER) ? "/content" : "/";
    }
}
