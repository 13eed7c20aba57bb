package dev.skillmark.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The address Skillmark sees for a request. Forwarded headers are believed only from a configured
 * proxy, since anyone can send them.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && trustedProxies.contains(remote)) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return remote;
    }
}
