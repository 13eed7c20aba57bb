package dev.skillmark.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read /metrics: a caller whose address (as web's ClientAddress reads it) is allowed by
 * SKILLMARK_METRICS_FROM ({@code loopback}, {@code proxies} for the trusted proxies themselves, or an address),
 * or anyone who sends SKILLMARK_METRICS_TOKEN as a bearer token.
 */
public final class MetricsAccess {

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final Set<String> from;
    private final Set<String> trustedProxies;
    private final Optional<byte[]> tokenDigest;

    public MetricsAccess(Set<String> from, Set<String> trustedProxies, Optional<String> token) {
        this.from = Set.copyOf(from);
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.tokenDigest = token.map(MetricsAccess::digest);
    }

    public boolean allows(String address, Optional<String> authorization) {
        if (tokenDigest.isPresent() && authorization.filter(a -> a.startsWith("Bearer ")).map(a -> a.substring(7).strip())
                .map(sent -> MessageDigest.isEqual(digest(sent), tokenDigest.get())).orElse(false)) {
            return true;
        }
        return from.contains("loopback") && loopback(address)
                || from.contains("proxies") && trustedProxies.contains(address)
                || from.contains(address);
    }

    /** Only IP literals are looked at: the address may come from a header, and a name must never be resolved. */
    static boolean loopback(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (IPV4.matcher(a).matches()) {
            return a.startsWith("127.");
        }
        if (!a.contains(":") || !a.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(a).isLoopbackAddress(); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
