package no.kontakt.offers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;

/**
 * {@code cancel_offer}: ends the citizen's seat or place on the waiting list in one offer, chosen by id or by its
 * number in the list they saw. A freed seat goes to the first on the waiting list, who gets an SMS.
 * {@code none}: not enrolled in that offer (or no such number).
 * <pre>
 * action: cancel_offer
 * with: { choice: "{{choice}}", offers: "{{offer_ids}}" }
 * exits: { cancelled: done, none: not_found }
 * </pre>
 */
public final class CancelOfferAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("cancel_offer", "Leave an offer (seat or waiting list); the next in line moves up",
            Set.of("offer", "choice", "offers"), Set.of(), List.of("cancelled", "none"), Set.of("offer_title"));

    private final Catalogue catalogue;
    private final Enrolments enrolments;

    public CancelOfferAction(Catalogue catalogue, Enrolments enrolments) {
        this.catalogue = catalogue;
        this.enrolments = enrolments;
    }

    @Override
    public ActionSpec spec() {
        return SPEC;
    }

    @Override
    public Result run(Map<String, String> in, ActionContext ctx) {
        Optional<Offer> offer = ShowOfferAction.chosen(catalogue, in);
        if (offer.isEmpty() || enrolments.cancel(offer.get(), ctx.conversation().id(), ctx.now(), ctx.batch()).isEmpty()) {
            return Result.of("none");
        }
        return new Result("cancelled", Map.of("offer_title", offer.get().title(ctx.language())));
    }
}
