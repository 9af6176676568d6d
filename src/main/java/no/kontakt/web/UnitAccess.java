package no.kontakt.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.config.AppConfig;
import no.kontakt.config.UnitConfig;
import no.kontakt.conversation.UnitIds;
import no.kontakt.inbox.Staff;
import no.kontakt.store.User;

/**
 * The units of one deployment as the web sees them: which unit a Twilio number ({@code To}) or a messaging service
 * belongs to, which unit a conversation id belongs to, and whether a person may see it. A conversation of a unit the
 * person does not see is answered as if it did not exist (404).
 */
final class UnitAccess {
    private final String defaultUnit;
    private final Map<String, String> byNumber = new HashMap<>();
    private final List<String> ids;
    private final java.util.Set<String> defaultNumbers = new java.util.HashSet<>();

    UnitAccess(AppConfig config) {
        this.defaultUnit = config.unit().id();
        if (config.twilio().fromNumber() != null) {
            defaultNumbers.add(config.twilio().fromNumber());
        }
        for (UnitConfig unit : config.units()) {
            unit.numbers().forEach(n -> byNumber.put(n, unit.id()));
        }
        this.ids = java.util.stream.Stream.concat(java.util.stream.Stream.of(defaultUnit), config.units().stream().map(UnitConfig::id)).toList();
    }

    /** The unit of a message sent to {@code to} (or through {@code messagingService}); null: the default unit. */
    String unitOfNumber(String to, String messagingService) {
        String unit = byNumber.get(to);
        return unit != null || messagingService == null ? unit : byNumber.get(messagingService);
    }

    /** Whether {@code to} (or the messaging service) is a number some unit lists (one no unit lists goes to the default unit). */
    boolean known(String to, String messagingService) {
        return unitOfNumber(to, messagingService) != null || defaultNumbers.contains(to) || defaultNumbers.contains(messagingService);
    }

    /** The unit id of a conversation (the default unit's id for the plain ids). */
    String unitOf(String conversationId) {
        String unit = UnitIds.unitOf(conversationId);
        return unit == null ? defaultUnit : unit;
    }

    boolean sees(Staff staff, String conversationId) {
        return staff == null || staff.sees(unitOf(conversationId));
    }

    /** A person's units as their account gives them: none stored means the default unit. */
    List<String> unitsOf(User user) {
        return user.units() == null ? List.of(defaultUnit) : user.units();
    }

    /** The unit ids, the default unit's first. */
    List<String> ids() {
        return ids;
    }

    String defaultUnit() {
        return defaultUnit;
    }
}
