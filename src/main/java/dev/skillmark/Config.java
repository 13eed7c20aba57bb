package dev.skillmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.skillmark.outbox.Outbound;

/** Everything Skillmark can be told, read from environment variables with safe defaults. */
public record Config(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        Path contentDir,
        Optional<Path> templatesDir,
        Optional<Path> staticDir,
        Duration grace,
        Duration sweepEvery,
        Duration sessionIdle,
        Duration sessionMax,
        boolean secureCookies,
        java.util.Set<String> trustedProxies,
        Optional<String> publicUrl,
        Monitoring monitoring,
        Outbound outbound) {

    /**
     * How the process reports on itself: the log format ({@code text} or {@code json}), who may read /metrics
     * without the token ({@code loopback}, {@code proxies} for the trusted proxies, addresses, or nothing), and
     * the bearer token that lets anyone else read it.
     */
    public record Monitoring(String logFormat, java.util.Set<String> metricsFrom, Optional<String> metricsToken) {

        public static final java.util.Set<String> LOG_FORMATS = java.util.Set.of("text", "json");
        public static final Monitoring DEFAULT = new Monitoring("text", java.util.Set.of("loopback", "proxies"), Optional.empty());

        public Monitoring {
            if (!LOG_FORMATS.contains(logFormat)) {
                throw new IllegalArgumentException("SKILLMARK_LOG_FORMAT must be text or json, not '" + logFormat + "'");
            }
            metricsFrom = java.util.Set.copyOf(metricsFrom);
        }

        /** Never printed: the token is a secret. */
        @Override
        public String toString() {
            return "Monitoring[logFormat=" + logFormat + ", metricsFrom=" + metricsFrom + ", metricsToken="
                    + (metricsToken.isPresent() ? "(set)" : "(none)") + "]";
        }
    }

    /** Name, default and meaning of each setting, for --help and the README. */
    public static final Map<String, String[]> SETTINGS = settings();

    private static Map<String, String[]> settings() {
        var s = new LinkedHashMap<String, String[]>();
        s.put("SKILLMARK_HOST", new String[]{"127.0.0.1", "address to listen on (0.0.0.0 for every interface)"});
        s.put("SKILLMARK_PORT", new String[]{"8080", "HTTP port (0 picks a free one)"});
        s.put("SKILLMARK_DATA_DIR", new String[]{"./data", "folder for the embedded H2 database"});
        s.put("SKILLMARK_DATABASE_URL", new String[]{"jdbc:h2:file:<data dir>/skillmark;WRITE_DELAY=0;DEFAULT_LOCK_TIMEOUT=10000;COMPRESS=TRUE",
                "JDBC URL: H2 (WRITE_DELAY=0 makes every acknowledged write survive a crash; the lock timeout lets writes "
                        + "to one attempt queue; COMPRESS stores pages compressed, which more than halves the snapshots) or PostgreSQL 15+ (jdbc:postgresql://host:5432/skillmark, with the user and password below)"});
        s.put("SKILLMARK_DATABASE_USER", new String[]{"sa", "database user"});
        s.put("SKILLMARK_DATABASE_PASSWORD", new String[]{"(empty)", "database password"});
        s.put("SKILLMARK_CONTENT_DIR", new String[]{"./content", "question banks (skills/) and quizzes (quizzes/)"});
        s.put("SKILLMARK_TEMPLATES_DIR", new String[]{"./templates if present, else the jar's copy", "Thymeleaf page templates"});
        s.put("SKILLMARK_STATIC_DIR", new String[]{"./static if present, else the jar's copy", "CSS, JavaScript and icons"});
        s.put("SKILLMARK_GRACE_SECONDS", new String[]{"15", "answers are still accepted this long after a deadline, for network latency"});
        s.put("SKILLMARK_SWEEP_SECONDS", new String[]{"30", "how often overdue attempts are finalised when nobody comes back"});
        s.put("SKILLMARK_SESSION_IDLE_MINUTES", new String[]{"120", "staff sessions end after this long without a request"});
        s.put("SKILLMARK_SESSION_MAX_HOURS", new String[]{"12", "staff sessions end this long after sign-in, whatever happens"});
        s.put("SKILLMARK_SECURE_COOKIES", new String[]{"false", "true when users reach Skillmark over HTTPS (also when TLS ends at a proxy)"});
        s.put("SKILLMARK_PUBLIC_URL", new String[]{"http://localhost:<port>", "the address people use to reach Skillmark; invitation links are built from it, never from the Host header"});
        s.put("SKILLMARK_TRUSTED_PROXIES", new String[]{"(none)", "comma-separated proxy addresses whose X-Forwarded-For is believed"});
        s.put("SKILLMARK_LOG_FORMAT", new String[]{"text", "text for people, or json: one JSON object a line with the request id, "
                + "and one line per request"});
        s.put("SKILLMARK_METRICS_FROM", new String[]{"loopback,proxies", "who may read /metrics without the token: loopback, "
                + "proxies (the trusted proxies themselves), client addresses, or none"});
        s.put("SKILLMARK_METRICS_TOKEN", new String[]{"(none)", "a secret that lets anyone read /metrics with Authorization: Bearer <token>"});
        s.put("SKILLMARK_SMTP_HOST", new String[]{"(none)", "SMTP server for e-mail (invitations, reminders, notices); without it "
                + "no e-mail is sent and the pages offer links to copy"});
        s.put("SKILLMARK_SMTP_PORT", new String[]{"587 (465 with smtps, 25 with none)", "SMTP port"});
        s.put("SKILLMARK_SMTP_USER", new String[]{"(none)", "SMTP user name, when the server wants one"});
        s.put("SKILLMARK_SMTP_PASSWORD", new String[]{"(none)", "SMTP password"});
        s.put("SKILLMARK_SMTP_TLS", new String[]{"starttls", "starttls (required), smtps (TLS from the start) or none (a local relay only)"});
        s.put("SKILLMARK_MAIL_FROM", new String[]{"skillmark@localhost", "the sender address of Skillmark's e-mail"});
        s.put("SKILLMARK_SEND_SECONDS", new String[]{"5", "how often each instance delivers the e-mail and webhook calls that are due"});
        s.put("SKILLMARK_WEBHOOK_URL", new String[]{"(none)", "URL that gets a signed JSON POST when an attempt is finalised and when it is fully graded"});
        s.put("SKILLMARK_WEBHOOK_SECRET", new String[]{"(none; required with the URL)", "shared secret of the webhook's HMAC-SHA256 signature"});
        return java.util.Collections.unmodifiableMap(s);
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("SKILLMARK_DATA_DIR", "./data"));
        String url = env.getOrDefault("SKILLMARK_DATABASE_URL", h2Url(dataDir));
        return new Config(
                env.getOrDefault("SKILLMARK_HOST", "127.0.0.1"),
                integer(env, "SKILLMARK_PORT", 8080),
                dataDir,
                url,
                env.getOrDefault("SKILLMARK_DATABASE_USER", "sa"),
                env.getOrDefault("SKILLMARK_DATABASE_PASSWORD", ""),
                Path.of(env.getOrDefault("SKILLMARK_CONTENT_DIR", "./content")),
                folder(env, "SKILLMARK_TEMPLATES_DIR", "templates"),
                folder(env, "SKILLMARK_STATIC_DIR", "static"),
                Duration.ofSeconds(integer(env, "SKILLMARK_GRACE_SECONDS", 15)),
                Duration.ofSeconds(Math.max(1, integer(env, "SKILLMARK_SWEEP_SECONDS", 30))),
                Duration.ofMinutes(Math.max(1, integer(env, "SKILLMARK_SESSION_IDLE_MINUTES", 120))),
                Duration.ofHours(Math.max(1, integer(env, "SKILLMARK_SESSION_MAX_HOURS", 12))),
                Boolean.parseBoolean(env.getOrDefault("SKILLMARK_SECURE_COOKIES", "false").strip()),
                java.util.Arrays.stream(env.getOrDefault("SKILLMARK_TRUSTED_PROXIES", "").split(","))
                        .map(String::strip).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toSet()),
                Optional.ofNullable(env.get("SKILLMARK_PUBLIC_URL")).map(String::strip).filter(u -> !u.isEmpty())
                        .map(u -> u.replaceAll("/+$", "")),
                monitoring(env),
                outbound(env));
    }

    private static Outbound outbound(Map<String, String> env) {
        var smtp = text(env, "SKILLMARK_SMTP_HOST").map(host -> {
            var tls = text(env, "SKILLMARK_SMTP_TLS").map(Outbound.Tls::parse).orElse(Outbound.Tls.STARTTLS);
            int port = integer(env, "SKILLMARK_SMTP_PORT", switch (tls) {
                case STARTTLS -> 587;
                case SMTPS -> 465;
                case NONE -> 25;
            });
            return new Outbound.Smtp(host, port, text(env, "SKILLMARK_SMTP_USER"), text(env, "SKILLMARK_SMTP_PASSWORD"), tls);
        });
        var url = text(env, "SKILLMARK_WEBHOOK_URL");
        var secret = text(env, "SKILLMARK_WEBHOOK_SECRET");
        if (url.isPresent() && secret.isEmpty()) {
            throw new IllegalArgumentException("SKILLMARK_WEBHOOK_URL needs SKILLMARK_WEBHOOK_SECRET: receivers check every delivery's signature");
        }
        if (url.isPresent() && !url.get().matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("SKILLMARK_WEBHOOK_URL must be an http:// or https:// URL, not '" + url.get() + "'");
        }
        return new Outbound(smtp, text(env, "SKILLMARK_MAIL_FROM").orElse(Outbound.NONE.mailFrom()),
                url.map(u -> new Outbound.Webhook(u, secret.orElseThrow())),
                Duration.ofSeconds(Math.max(1, integer(env, "SKILLMARK_SEND_SECONDS", (int) Outbound.SEND_EVERY.toSeconds()))));
    }

    private static Optional<String> text(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::strip).filter(t -> !t.isEmpty());
    }

    private static Monitoring monitoring(Map<String, String> env) {
        // exactly as logback.xml reads it: it picks logback-<format>.xml
        String format = env.getOrDefault("SKILLMARK_LOG_FORMAT", "text");
        var from = java.util.Arrays.stream(env.getOrDefault("SKILLMARK_METRICS_FROM", "loopback,proxies").split(","))
                .map(String::strip).filter(a -> !a.isEmpty() && !a.equalsIgnoreCase("none"))
                .collect(java.util.stream.Collectors.toSet());
        var token = Optional.ofNullable(env.get("SKILLMARK_METRICS_TOKEN")).map(String::strip).filter(t -> !t.isEmpty());
        return new Monitoring(format, from, token);
    }

    /** A configuration for tests and embedding: everything under one folder, a free port. */
    public static Config forFolder(Path dataDir, Path contentDir) {
        return new Config("127.0.0.1", 0, dataDir, h2Url(dataDir), "sa", "", contentDir,
                folder(Map.of(), "SKILLMARK_TEMPLATES_DIR", "templates"), folder(Map.of(), "SKILLMARK_STATIC_DIR", "static"),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(120), Duration.ofHours(12), false,
                java.util.Set.of(), Optional.empty(), Monitoring.DEFAULT, Outbound.NONE);
    }

    /** The same configuration on another database, e.g. PostgreSQL: {@code jdbc:postgresql://host/name}. */
    public Config withDatabase(String url, String user, String password) {
        return new Config(host, port, dataDir, url, user, password, contentDir, templatesDir, staticDir, grace,
                sweepEvery, sessionIdle, sessionMax, secureCookies, trustedProxies, publicUrl, monitoring, outbound);
    }

    /** The same configuration behind these proxies. */
    public Config withTrustedProxies(java.util.Set<String> proxies) {
        return new Config(host, port, dataDir, databaseUrl, databaseUser, databasePassword, contentDir, templatesDir, staticDir,
                grace, sweepEvery, sessionIdle, sessionMax, secureCookies, java.util.Set.copyOf(proxies), publicUrl, monitoring, outbound);
    }

    /** The same configuration, reporting on itself this way. */
    public Config withMonitoring(Monitoring monitoring) {
        return new Config(host, port, dataDir, databaseUrl, databaseUser, databasePassword, contentDir, templatesDir, staticDir,
                grace, sweepEvery, sessionIdle, sessionMax, secureCookies, trustedProxies, publicUrl, monitoring, outbound);
    }

    /** The same configuration, sending e-mail and webhooks here. */
    public Config withOutbound(Outbound outbound) {
        return new Config(host, port, dataDir, databaseUrl, databaseUser, databasePassword, contentDir, templatesDir, staticDir,
                grace, sweepEvery, sessionIdle, sessionMax, secureCookies, trustedProxies, publicUrl, monitoring, outbound);
    }

    /** The same configuration, with links built from this address. */
    public Config withPublicUrl(String url) {
        return new Config(host, port, dataDir, databaseUrl, databaseUser, databasePassword, contentDir, templatesDir, staticDir,
                grace, sweepEvery, sessionIdle, sessionMax, secureCookies, trustedProxies, Optional.of(url), monitoring, outbound);
    }

    /*
     * Measured before choosing these H2 settings (see the note on issue 9): a shorter RETENTION_TIME (1000) bounds
     * the file under autosaves, but after a failed write (a full disk) H2 reopened an older state and lost
     * acknowledged answers, so it stays at H2's default. PAGE_SIZE=2048 did not change what an autosave costs.
     */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("skillmark") + ";WRITE_DELAY=0;DEFAULT_LOCK_TIMEOUT=10000;COMPRESS=TRUE";
    }

    private static Optional<Path> folder(Map<String, String> env, String key, String fallback) {
        if (env.containsKey(key)) {
            return Optional.of(Path.of(env.get(key)));
        }
        var local = Path.of(fallback);
        return Files.isDirectory(local) ? Optional.of(local) : Optional.empty();
    }

    private static int integer(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }
}
