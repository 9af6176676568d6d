package no.kontakt.offers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;

/**
 * {@code show_offer}: one offer, chosen by its number in the list the citizen saw (or by id). Gives its title,
 * description ({@code offer_text}), next meeting in words, place, organiser and audience; {@code signup} and
 * {@code full} are "yes" or empty, {@code seats_left} the free seats (empty without a limit or when full).
 * <pre>
 * action: show_offer
 * with: { choice: "{{choice}}", offers: "{{offer_ids}}" }
 * exits: { shown: offer_shown, unknown: not_in_list }
 * </pre>
 */
public final class ShowOfferAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("show_offer", "Show one offer: what, when, where, seats",
            Set.of("choice", "offers", "offer"), Set.of(), List.of("shown", "unknown"),
            Set.of("offer_id", "offer_title", "offer_text", "next_session", "place", "organiser", "audience", "signup", "full", "seats_left"));

    private final Catalogue catalogue;
    private final Enrolments enrolments;

    public ShowOfferAction(Catalogue catalogue, Enrolments enrolments) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> in, ActionContext ctx) {
        Instant now = ctx.now();
        Optional<Offer> chosen = chosen(catalogue, in);
        Optional<OfferSession> next = chosen.flatMap(o -> catalogue.next(o, now));
        if (next.isEmpty()) {
            return Result.of("unknown");
        }
        Offer offer = chosen.get();
        String language = ctx.language();
        int free = enrolments.roster(offer, now).free(offer.capacity());
        Map<String, String> out = new HashMap<>();
        out.put("offer_id", offer.id());
        out.put("offer_title", offer.title(language));
        out.put("offer_text", offer.description(language));
        out.put("next_session", SessionWords.full(next.get().start(), now.atZone(catalogue.zone()), language));
        out.put("place", offer.place());
        out.put("organiser", offer.organiser());
        out.put("audience", offer.audience().words(language));
        out.put("signup", offer.signup() ? "yes" : "");
        out.put("full", offer.signup() && offer.limited() && free == 0 ? "yes" : "");
        out.put("seats_left", offer.signup() && offer.limited() && free > 0 ? String.valueOf(free) : "");
        return new Result("shown", out);
    }

    /** The offer named by {@code offer}, or by {@code choice} in the list {@code offers}. */
    static Optional<Offer> chosen(Catalogue catalogue, Map<String, String> in) {
        String id = ListOffersAction.blank(in.get("offer"));
        if (id.isEmpty()) {
            id = Listing.chosen(in.get("choice"), in.get("offers")).orElse("");
        }
        return catalogue.find(id);
    }
}
