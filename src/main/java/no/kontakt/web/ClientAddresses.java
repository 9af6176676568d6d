package no.kontakt.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import no.kontakt.config.Cidr;

/**
 * Who the client is behind trusted reverse proxies ({@code server.trusted_proxies}, {@code KONTAKT_TRUSTED_PROXIES}).
 * {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed only when the request
 * comes from a trusted address: the client is then the right-most address in {@code X-Forwarded-For} that is not a
 * trusted proxy; from anyone else the headers are ignored and the client is the connection's address. Per-address
 * limits count the client; an IPv6 client counts as its /64 network (one household, one limit).
 */
final class ClientAddresses {
    private static final String CLIENT = "kontakt.client";
    private static final String FORWARDED = "kontakt.forwarded";
    private final List<Cidr> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /** A before-handler: works out the client once per request. */
    void resolve(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        boolean viaProxy = trusts(remote);
        ctx.attribute(FORWARDED, viaProxy);
        ctx.attribute(CLIENT, viaProxy ? client(remote, Collections.list(ctx.req().getHeaders("X-Forwarded-For"))) : remote);
    }

    /** The client's address (the connection's when no trusted proxy stands between). */
    static String of(Context ctx) {
        String client = ctx.attribute(CLIENT);
        return client != null ? client : ctx.req().getRemoteAddr();
    }

    /** The key the per-address limits count: the client's address, or its /64 network for IPv6. */
    static String key(Context ctx) {
        return key(of(ctx));
    }

    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] a = Cidr.literal(address).getAddress();
            if (a.length == 16) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    s.append(String.format("%02x%02x:", a[i], a[i + 1]));
                }
                return s.append(":/64").toString();
            }
        } catch (IllegalArgumentException e) {
            // not an address: counted as it is
        }
        return address;
    }

    /** The scheme the client used, as the trusted proxy says ({@code http} or {@code https}), or null. */
    static String forwardedProto(Context ctx) {
        String proto = forwarded(ctx, "X-Forwarded-Proto");
        return "http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto) ? proto.toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** The host (and port) the client asked for, as the trusted proxy says, or null. */
    static String forwardedHost(Context ctx) {
        String host = forwarded(ctx, "X-Forwarded-Host");
        return host != null && host.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?") ? host.toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** The value the nearest trusted proxy set (the last of the list), or null when not from a trusted proxy. */
    private static String forwarded(Context ctx, String header) {
        if (!Boolean.TRUE.equals(ctx.attribute(FORWARDED))) {
            return null;
        }
        List<String> values = values(Collections.list(ctx.req().getHeaders(header)));
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    boolean trusts(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        try {
            InetAddress a = Cidr.literal(address);
            return trusted.stream().anyMatch(c -> c.contains(a));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Walks X-Forwarded-For from the right: the first address that is not a trusted proxy is the client. */
    String client(String remote, List<String> forwardedFor) {
        String client = remote;
        List<String> hops = values(forwardedFor);
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            String hop = stripPort(hops.get(i));
            try {
                Cidr.literal(hop);
            } catch (IllegalArgumentException e) {
                return client; // not an address: the last trusted hop is as far as we can see
            }
            client = hop;
        }
        return client;
    }

    private static List<String> values(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String h : headers) {
            for (String part : h.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** {@code 1.2.3.4:5678} → {@code 1.2.3.4}; {@code [::1]:80} → {@code ::1}; anything else as it is. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
