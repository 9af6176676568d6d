package no.kontakt.flow;

import java.util.Map;

/**
 * A call to a domain action registered by name, with its inputs (templates) and where each named exit goes.
 * <pre>
 * action: join_offer
 * with: { offer: "{{offer}}" }
 * exits: { joined: welcome, waitlisted: on_list, full: sorry }
 * </pre>
 */
public record ActionCall(String name, Map<String, String> with, Map<String, Target> exits, Location location) {
    public ActionCall {
        with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        exits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exits));
    }
}
