package no.kontakt.offers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offers of the unit, as loaded from {@code config/offers.yaml}, with their meetings in the unit's time zone,
 * and the texts of the SMS the offers send by themselves (the day-before reminder, a seat from the waiting list).
 */
public final class Catalogue {
    private volatile Map<String, Offer> offers;
    private volatile Map<String, Map<String, String>> texts;
    private final ZoneId zone;

    public Catalogue(List<Offer> offers, Map<String, Map<String, String>> texts, ZoneId zone) {
        Map<String, Offer> byId = new LinkedHashMap<>();
        offers.forEach(o -> {
            if (byId.put(o.id(), o) != null) {
                throw new IllegalArgumentException("two offers have the id " + o.id());
            }
        });
        this.offers = Collections.unmodifiableMap(byId);
        this.texts = Map.copyOf(texts);
        this.zone = zone;
    }

    /** Takes the offers and texts of another catalogue (an admin published a new one): effective at once. */
    public void replaceWith(Catalogue other) {
        this.offers = other.offers;
        this.texts = other.texts;
    }

    /** A catalogue without offers (for tools that only need the actions' declarations). */
    public static Catalogue empty(ZoneId zone) {
        return new Catalogue(List.of(), Map.of(), zone);
    }

    public List<Offer> offers() {
        return List.copyOf(offers.values());
    }

    public Optional<Offer> find(String id) {
        return Optional.ofNullable(id == null ? null : offers.get(id.strip()));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The meetings of one offer that overlap {@code [from, to)}, in time order. */
    public List<OfferSession> sessions(Offer offer, Instant from, Instant to) {
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        List<OfferSession> out = new ArrayList<>();
        offer.sessions().forEach(rule -> out.addAll(rule.between(offer.id(), a, b, zone)));
        Collections.sort(out);
        return out;
    }

    /** Every meeting of every offer that overlaps {@code [from, to)}, in time order. */
    public List<OfferSession> sessions(Instant from, Instant to) {
        List<OfferSession> out = new ArrayList<>();
        offers.values().forEach(o -> out.addAll(sessions(o, from, to)));
        Collections.sort(out);
        return out;
    }

    /** The first meeting that has not ended at {@code now}: the one going on, or the next. */
    public Optional<OfferSession> next(Offer offer, Instant now) {
        return sessions(offer, now, now.plus(Duration.ofDays(SessionRule.HORIZON_DAYS))).stream().findFirst();
    }

    /** The meetings that have not ended at {@code now}, within the search horizon. */
    public List<OfferSession> upcoming(Offer offer, Instant now) {
        return sessions(offer, now, now.plus(Duration.ofDays(SessionRule.HORIZON_DAYS)));
    }

    /** A text of the catalogue ({@code reminder}, {@code promoted}) in the language, or English, or any. */
    public String text(String key, String language) {
        Map<String, String> byLanguage = texts.get(key);
        if (byLanguage == null) {
            throw new IllegalArgumentException("the catalogue has no text '" + key + "'");
        }
        return Offer.inLanguage(byLanguage, language);
    }
}
