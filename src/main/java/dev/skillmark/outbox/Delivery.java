package dev.skillmark.outbox;

/** One row of the outbox: an e-mail or a webhook call, and how its delivery is going. Times are epoch milliseconds. */
public record Delivery(
        long id,
        Kind kind,
        String topic,
        String about,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        Status status,
        long createdAt,
        long notBefore,
        int tries,
        String lastError,
        String claimedBy,
        Long claimedUntil,
        Long sentAt) {

    public enum Kind { MAIL, WEBHOOK }

    public enum Status { PENDING, SENT, FAILED, CANCELLED }

    /** Has been tried and has not gone through yet: what staff should look at. */
    public boolean failing() {
        return status == Status.FAILED || tries > 0;
    }

    /** Sends one delivery; throws with a message fit for staff when the other side does not take it. */
    interface Channel {
        void deliver(Delivery delivery) throws Exception;
    }
}
