package no.kontakt.records;

import java.time.Clock;
import java.util.function.BiFunction;
import no.kontakt.config.AppConfig;
import no.kontakt.store.Stores;

/**
 * The record services the staff routes call: the audited access log, call-back numbers, the journal text and FHIR
 * exports, and the citizen's access request. Built once by the composition root.
 */
public record Records(AccessLog log, CallBacks callBacks, TextRecord text, FhirRecord fhir, AccessRequest access) {

    /** The record services on one store; {@code conversationId} maps a channel and address to a conversation id. */
    public static Records of(Stores stores, Clock clock, AppConfig config, BiFunction<String, String, String> conversationId) {
        String country = config.unit().country();
        AccessLog log = new AccessLog(stores.audit(), stores, clock);
        return new Records(log, new CallBacks(stores.conversations(), stores.contactRequests(), log, country),
                new TextRecord(stores.messages(), stores.contactRequests(), stores.events(), stores.appointments(), config.unit().timeZone(),
                        config.unit().name()),
                new FhirRecord(stores.messages(), config.server().publicBase(), config.unit().name()),
                new AccessRequest(stores.conversations(), stores.messages(), stores.contactRequests(), stores.enrolments(), stores.audit(),
                        stores.events(), stores.appointments(), conversationId, country,
                        config.units().stream().map(no.kontakt.config.UnitConfig::id).toList()));
    }
}
