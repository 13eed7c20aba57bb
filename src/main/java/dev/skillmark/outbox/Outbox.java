package dev.skillmark.outbox;

import dev.skillmark.web.Json;
import dev.skillmark.web.SkillmarkException;
import dev.skillmark.web.Templates;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail and webhook calls, written in the transaction of the event that causes them and delivered later by
 * {@link #deliverDue()}, which every instance runs. A delivery is claimed with a lease by one conditional update,
 * so it is sent once however many senders run; a failure is recorded and retried with backoff, and after
 * {@link #MAX_TRIES} tries it waits, FAILED, for staff to retry it. Nothing is dropped.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final int MAX_TRIES = 20;
    /** Longer than an SMTP or HTTP call can take (their timeouts are 30 s and 10 s), so a lease never lapses mid-send. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 50;

    @RegisterConstructorMapper(Delivery.class)
    interface Dao {
        @SqlUpdate("""
            insert into outbox (kind, topic, about, recipient, subject, text_body, html_body, status, created_at, not_before)
            values (:kind, :topic, :about, :recipient, :subject, :text, :html, 'PENDING', :now, :notBefore)""")
        void insert(@Bind("kind") Delivery.Kind kind, @Bind("topic") String topic, @Bind("about") String about,
                    @Bind("recipient") String recipient, @Bind("subject") String subject, @Bind("text") String text,
                    @Bind("html") String html, @Bind("now") long now, @Bind("notBefore") long notBefore);

        @SqlQuery("""
            select id from outbox
            where status = 'PENDING' and kind in (<kinds>) and not_before <= :now
              and (claimed_until is null or claimed_until < :now)
            order by not_before, id limit :limit""")
        List<Long> due(@BindList("kinds") List<Delivery.Kind> kinds, @Bind("now") long now, @Bind("limit") int limit);

        /** 1 when this sender took the delivery; 0 when another one has it, or it is done. */
        @SqlUpdate("""
            update outbox set claimed_by = :me, claimed_until = :until
            where id = :id and status = 'PENDING' and not_before <= :now and (claimed_until is null or claimed_until < :now)""")
        int claim(@Bind("id") long id, @Bind("me") String me, @Bind("now") long now, @Bind("until") long until);

        @SqlQuery("select * from outbox where id = :id")
        Optional<Delivery> byId(@Bind("id") long id);

        /** Delivered: an e-mail's parts go (they may hold an invitation link), its envelope stays. */
        @SqlUpdate("""
            update outbox set status = 'SENT', sent_at = :now, tries = tries + 1, last_error = '',
                claimed_by = null, claimed_until = null,
                text_body = case when kind = 'MAIL' then '' else text_body end, html_body = ''
            where id = :id and claimed_by = :me""")
        int sent(@Bind("id") long id, @Bind("me") String me, @Bind("now") long now);

        @SqlUpdate("""
            update outbox set status = :status, tries = tries + 1, last_error = :error, not_before = :next,
                claimed_by = null, claimed_until = null
            where id = :id and claimed_by = :me""")
        int failed(@Bind("id") long id, @Bind("me") String me, @Bind("status") Delivery.Status status,
                   @Bind("error") String error, @Bind("next") long next);

        @SqlUpdate("""
            update outbox set status = 'CANCELLED', claimed_by = null, claimed_until = null
            where about = :about and topic in (<topics>) and status in ('PENDING', 'FAILED')""")
        int cancel(@Bind("about") String about, @BindList("topics") List<String> topics);

        @SqlQuery("""
            select * from outbox where status = 'FAILED' or (status = 'PENDING' and (tries > 0 or not_before <= :now))
            order by created_at desc, id desc limit 200""")
        List<Delivery> undelivered(@Bind("now") long now);

        @SqlQuery("select count(*) from outbox where status = 'PENDING' and not_before > :now")
        int scheduled(@Bind("now") long now);

        @SqlUpdate("update outbox set status = 'PENDING', tries = 0, not_before = :now where id = :id and status = 'FAILED'")
        int retry(@Bind("id") long id, @Bind("now") long now);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Outbound outbound;
    private final Templates templates;
    private final Optional<Delivery.Channel> mail;
    private final Optional<Delivery.Channel> webhook;
    /** Who holds a lease: this sender, among all instances. */
    private final String me;

    public Outbox(Jdbi jdbi, Clock clock, Outbound outbound, Templates templates) {
        this(jdbi, clock, outbound, templates, outbound.smtp().map(s -> new Smtp(s, outbound.mailFrom())),
                outbound.webhook().map(w -> new WebhookCall(w, clock)));
    }

    Outbox(Jdbi jdbi, Clock clock, Outbound outbound, Templates templates, Optional<? extends Delivery.Channel> mail,
           Optional<? extends Delivery.Channel> webhook) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.outbound = outbound;
        this.templates = templates;
        this.mail = mail.map(Delivery.Channel.class::cast);
        this.webhook = webhook.map(Delivery.Channel.class::cast);
        var bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        this.me = "sender-" + HexFormat.of().formatHex(bytes);
    }

    /** Whether anything is sent at all (e-mail or the webhook); without either, nothing is ever queued. */
    public boolean sendsAnything() {
        return mail.isPresent() || webhook.isPresent();
    }

    /** Whether e-mail can be sent at all; without it the pages offer links to copy. */
    public boolean mailEnabled() {
        return mail.isPresent();
    }

    /**
     * Queues an e-mail in the caller's transaction, rendered now from {@code templates/mail/<template>.txt} (first line
     * "Subject: ...", then a blank line, then the text) and {@code .html}. Nothing when e-mail is off or there is no address.
     */
    public void mail(Handle handle, String topic, String about, String to, String template, Map<String, ?> model, long notBefore) {
        if (mail.isEmpty() || to == null || to.isBlank()) {
            return;
        }
        String text = templates.text("mail/" + template, model);
        String subject = "";
        if (text.startsWith("Subject:")) {
            int end = text.indexOf('\n');
            subject = (end < 0 ? text.substring(8) : text.substring(8, end)).strip();
            text = end < 0 ? "" : text.substring(end + 1).replaceFirst("^\\R", "");
        }
        String html = templates.html("mail/" + template, model);
        handle.attach(Dao.class).insert(Delivery.Kind.MAIL, topic, about, to.strip(), subject, text, html, clock.millis(), notBefore);
    }

    /** Queues a webhook call in the caller's transaction; nothing when no webhook is configured. */
    public void webhook(Handle handle, String event, String about, Map<String, ?> payload) {
        if (webhook.isEmpty()) {
            return;
        }
        String url = outbound.webhook().map(Outbound.Webhook::url).orElseThrow();
        long now = clock.millis();
        handle.attach(Dao.class).insert(Delivery.Kind.WEBHOOK, event, about, url, event, Json.object(payload), "", now, now);
    }

    /** Withdraws what has not gone out yet about something that no longer holds (a withdrawn invitation, say). */
    public int cancel(Handle handle, String about, String... topics) {
        return handle.attach(Dao.class).cancel(about, List.of(topics));
    }

    /**
     * The sender's run: delivers everything due, one claim at a time, and returns how many went out. Safe to run
     * on every instance at once, and again while a run is going.
     */
    public int deliverDue() {
        // only what this instance can send: one set up without e-mail leaves the e-mail to the others
        var kinds = new java.util.ArrayList<Delivery.Kind>();
        mail.ifPresent(m -> kinds.add(Delivery.Kind.MAIL));
        webhook.ifPresent(w -> kinds.add(Delivery.Kind.WEBHOOK));
        if (kinds.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        long now = clock.millis();
        for (long id : jdbi.withExtension(Dao.class, dao -> dao.due(kinds, now, BATCH))) {
            long at = clock.millis();
            if (jdbi.withExtension(Dao.class, dao -> dao.claim(id, me, at, at + LEASE.toMillis())) == 1) {
                delivered += deliver(jdbi.withExtension(Dao.class, dao -> dao.byId(id)).orElseThrow()) ? 1 : 0;
            }
        }
        return delivered;
    }

    private boolean deliver(Delivery delivery) {
        var channel = (delivery.kind() == Delivery.Kind.MAIL ? mail : webhook).orElseThrow();
        try {
            channel.deliver(delivery);
        } catch (Exception e) {
            int tries = delivery.tries() + 1;
            var status = tries >= MAX_TRIES ? Delivery.Status.FAILED : Delivery.Status.PENDING;
            long next = clock.millis() + backoff(tries).toMillis();
            String error = describe(e);
            jdbi.useExtension(Dao.class, dao -> dao.failed(delivery.id(), me, status, error, next));
            log.warn("{} {} to {} failed (try {}): {}", delivery.kind().name().toLowerCase(java.util.Locale.ROOT),
                    delivery.topic(), delivery.recipient(), tries, error);
            return false;
        }
        jdbi.useExtension(Dao.class, dao -> dao.sent(delivery.id(), me, clock.millis()));
        return true;
    }

    /** 30 s after the first failure, doubling up to an hour between tries. */
    static Duration backoff(int tries) {
        var wait = FIRST_RETRY.multipliedBy(1L << Math.min(tries - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String describe(Throwable e) {
        var message = new StringBuilder();
        for (Throwable t = e; t != null && message.length() < 1500; t = t.getCause()) {
            if (message.length() > 0) {
                message.append(": ");
            }
            message.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        String text = message.toString().replaceAll("\\s+", " ");
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    /** What staff should see: everything given up on, failing, or due and not yet sent; newest first. */
    public List<Delivery> undelivered() {
        return jdbi.withExtension(Dao.class, dao -> dao.undelivered(clock.millis()));
    }

    /** How many deliveries wait for a later time (reminders). */
    public int scheduled() {
        return jdbi.withExtension(Dao.class, dao -> dao.scheduled(clock.millis()));
    }

    /** Staff try a delivery that was given up on once more, now. */
    public void retry(long id) {
        if (jdbi.withExtension(Dao.class, dao -> dao.retry(id, clock.millis())) == 0) {
            throw new SkillmarkException.Conflict("Only a delivery that was given up on can be retried; this one is not.");
        }
    }
}
