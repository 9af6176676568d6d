package no.kontakt.offers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;

/**
 * {@code join_offer}: takes a seat, or a place on the waiting list when the offer is full ({@code position}, from 1);
 * joining again changes nothing ({@code already} is "yes"); {@code reminder} is "yes" when a reminder will come the
 * day before the next meeting. {@code full}: no seat and no waiting list, or no meetings left; {@code no_signup}:
 * just come.
 * <pre>
 * action: join_offer
 * with: { offer: "{{offer_id}}" }
 * exits: { joined: welcome, waitlisted: on_the_list, full: sorry_full, no_signup: just_come }
 * </pre>
 */
public final class JoinOfferAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("join_offer", "Join an offer: a seat, or the waiting list when it is full",
            Set.of("offer"), Set.of("offer"), List.of("joined", "waitlisted", "full", "no_signup"),
            Set.of("position", "next_session", "offer_title", "place", "already", "reminder"));

    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Reminders reminders;

    public JoinOfferAction(Catalogue catalogue, Enrolments enrolments, Reminders reminders) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.reminders = reminders;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> in, ActionContext ctx) {
        Optional<Offer> found = catalogue.find(in.get("offer"));
        if (found.isEmpty()) {
            return Result.of("full");
        }
        Offer offer = found.get();
        Instant now = ctx.now();
        Enrolments.Joined joined = enrolments.join(offer, ctx.conversation().id(), now, ctx.batch());
        Optional<OfferSession> next = catalogue.next(offer, now);
        return new Result(joined.outcome().name().toLowerCase(Locale.ROOT), Map.of(
                "position", String.valueOf(joined.position()),
                "next_session", next.map(s -> SessionWords.full(s.start(), now.atZone(catalogue.zone()), ctx.language())).orElse(""),
                "offer_title", offer.title(ctx.language()),
                "place", offer.place(),
                "already", joined.already() ? "yes" : "",
                "reminder", next.filter(s -> reminders.willRemind(s, now)).isPresent() ? "yes" : ""));
    }
}
