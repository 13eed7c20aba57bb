package dev.skillmark.attempt;

/** One entry of an attempt's append-only timeline, in server time (UTC epoch milliseconds). */
public record Event(long id, String attemptId, long at, EventType type, Integer slot, String detail) {
}
