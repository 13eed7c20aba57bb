package dev.skillmark.account;

/** An invitation to take one quiz once. Only a hash of its link's token is stored. */
public record Invitation(
        String id,
        String tokenHash,
        String quizId,
        String candidateName,
        String email,
        int extraTimePercent,
        String createdBy,
        long createdAt,
        long expiresAt,
        Long revokedAt,
        String attemptId) {

    public enum State { OPEN, STARTED, EXPIRED, REVOKED }

    public State state(long now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (attemptId != null) {
            return State.STARTED;
        }
        return now >= expiresAt ? State.EXPIRED : State.OPEN;
    }
}
