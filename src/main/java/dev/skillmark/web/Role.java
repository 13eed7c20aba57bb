package dev.skillmark.web;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member of staff may do, declared on each route where it is registered. A person can hold
 * several roles; an admin may do everything.
 */
public enum Role implements RouteRole {
    ADMIN("Admin", "manages users and settings, and does everything the other roles do"),
    INTERVIEWER("Interviewer", "invites candidates, reads results, grades written answers"),
    TRAINER("Trainer", "sees content status, previews and question statistics, never candidate names");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst();
    }
}
