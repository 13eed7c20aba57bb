package dev.skillmark.attempt;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

@RegisterConstructorMapper(Attempt.class)
@RegisterConstructorMapper(SlotSnapshot.class)
@RegisterConstructorMapper(AnswerState.class)
@RegisterConstructorMapper(Event.class)
interface AttemptDao {

    @SqlUpdate("""
        insert into attempt (id, quiz_id, quiz_title, mode, review, pass_mark, candidate_name, seed, started_at,
                             deadline_at, status, max_score, content_version, invitation_id, extra_time_percent,
                             client_address, client_agent, trial)
        values (:id, :quizId, :quizTitle, :mode, :review, :passMark, :candidateName, :seed, :startedAt,
                :deadlineAt, :status, :maxScore, :contentVersion, :invitationId, :extraTimePercent,
                :clientAddress, :clientAgent, :trial)""")
    void insertAttempt(@BindMethods Attempt row);

    @SqlBatch("""
        insert into attempt_question (attempt_id, slot, question_id, bank_id, area, kind, source, answer_keys,
            numeric_min, numeric_max, answer_display, points, content_hash, snapshot_hash, option_order)
        values (:attemptId, :slot, :questionId, :bankId, :area, :kind, :source, :answerKeys, :numericMin, :numericMax,
            :answerDisplay, :points, :contentHash, :snapshotHash, :optionOrder)""")
    void insertSlots(@BindMethods List<Snapshots.Slot> slots);

    @SqlBatch("insert into answer (attempt_id, slot) values (:attemptId, :slot)")
    void insertEmptyAnswers(@Bind("attemptId") String attemptId, @Bind("slot") List<Integer> slots);

    @SqlUpdate("update attempt set client_address = :address, client_agent = :agent where id = :id")
    void setClient(@Bind("id") String id, @Bind("address") String address, @Bind("agent") String agent);

    /**
     * The attempt, locked, if it is still in progress and nobody else holds its lock: what a sweeper takes, so
     * sweepers on several instances share the overdue attempts instead of queueing on each other's. (One row by
     * its key on purpose: H2 2.5 locks every row the WHERE matches before it applies ORDER BY ... LIMIT.)
     */
    @SqlQuery("select * from attempt where id = :id and status = 'IN_PROGRESS' for update skip locked")
    Optional<Attempt> lockUnlessBusy(@Bind("id") String id);

    /** A slot's row with the rendered parts of the stored question it shows. */
    String SLOTS = """
        select q.*, s.prompt_html, s.body_html, s.explanation_html, s.rubric_html
        from attempt_question q join question_snapshot s on s.snapshot_hash = q.snapshot_hash
        where q.attempt_id = :id""";

    @SqlQuery(SLOTS + " order by q.slot")
    List<SlotSnapshot> slots(@Bind("id") String attemptId);

    @SqlQuery(SLOTS + " and q.slot = :slot")
    Optional<SlotSnapshot> slot(@Bind("id") String attemptId, @Bind("slot") int slot);

    @SqlQuery(OptionSnapshot.SHOWN + " where q.attempt_id = :id")
    @UseRowMapper(OptionSnapshot.Shown.class)
    List<OptionSnapshot> unorderedOptions(@Bind("id") String attemptId);

    /** The attempt's options, slot by slot, each slot's in the order it shows them. */
    default List<OptionSnapshot> options(String attemptId) {
        return unorderedOptions(attemptId).stream().sorted(OptionSnapshot.SHOWN_ORDER).toList();
    }

    @SqlUpdate("update attempt set deadline_at = :deadline where id = :id and status = 'IN_PROGRESS'")
    int setDeadline(@Bind("id") String attemptId, @Bind("deadline") long deadline);

    @SqlUpdate("update answer set flagged = :flagged where attempt_id = :attemptId and slot = :slot")
    int setFlag(@Bind("attemptId") String attemptId, @Bind("slot") int slot, @Bind("flagged") boolean flagged);

    @SqlUpdate("""
        update answer set checked = true, outcome = :outcome, fraction = :fraction, points = :points
        where attempt_id = :attemptId and slot = :slot and checked = false""")
    int check(@Bind("attemptId") String attemptId, @Bind("slot") int slot, @Bind("outcome") String outcome,
              @Bind("fraction") double fraction, @Bind("points") Double points);

    /** Fails with a unique-key violation when the attempt is already finalised. */
    @SqlUpdate("insert into attempt_finalisation (attempt_id, finalised_at, reason) values (:id, :at, :reason)")
    void insertFinalisation(@Bind("id") String attemptId, @Bind("at") long at, @Bind("reason") String reason);

    @SqlUpdate("""
        update attempt set status = :status, finished_at = :finishedAt,
            score = :score, pending = :pending, pending_points = :pendingPoints
        where id = :id and status = 'IN_PROGRESS'""")
    int finish(@Bind("id") String id, @Bind("status") Attempt.Status status, @Bind("finishedAt") long finishedAt,
               @Bind("score") double score, @Bind("pending") int pending, @Bind("pendingPoints") double pendingPoints);

    @SqlQuery("select id from attempt where status = 'IN_PROGRESS' and deadline_at < :cutoff order by deadline_at")
    List<String> overdue(@Bind("cutoff") long cutoff);

    @SqlQuery("select count(*) from attempt where status = 'IN_PROGRESS'")
    long countInProgress();

    /** The deadline of the attempt the sweeper should have finalised first, if any is overdue. */
    @SqlQuery("""
        select deadline_at from attempt where status = 'IN_PROGRESS' and deadline_at < :cutoff
        order by deadline_at fetch first 1 rows only""")
    Optional<Long> oldestOverdueDeadline(@Bind("cutoff") long cutoff);

    /** What the newest open attempt was drawn from: another instance's content shows up here first. */
    @SqlQuery("""
        select content_version from attempt where status = 'IN_PROGRESS'
        order by started_at desc fetch first 1 rows only""")
    Optional<String> newestOpenContentVersion();

    @SqlUpdate("insert into attempt_event (attempt_id, at, type, slot, detail) values (:id, :at, :type, :slot, :detail)")
    void event(@Bind("id") String attemptId, @Bind("at") long at, @Bind("type") EventType type,
               @Bind("slot") Integer slot, @Bind("detail") String detail);

    /** Many events in one statement batch: the timeline writer's flush. */
    @SqlBatch("insert into attempt_event (attempt_id, at, type, slot, detail) values (:attemptId, :at, :type, :slot, :detail)")
    void events(@BindMethods List<AttemptSignals.Pending> events);

    /** Oldest first by the time they happened: batched timeline events reach the table a little after others. */
    @SqlQuery("select * from attempt_event where attempt_id = :id order by at, id")
    List<Event> events(@Bind("id") String attemptId);

    /** One batch: {@code slots} and {@code millis} pair up in order. */
    @SqlBatch("update answer set time_spent_ms = :ms where attempt_id = :id and slot = :slot")
    void setTimeSpent(@Bind("id") String attemptId, @Bind("slot") List<Integer> slots, @Bind("ms") List<Long> millis);

    @SqlQuery("select count(*) from attempt_event where attempt_id = :id and type = :type")
    int countEvents(@Bind("id") String attemptId, @Bind("type") EventType type);
}
