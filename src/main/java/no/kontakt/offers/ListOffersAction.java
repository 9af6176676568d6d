package no.kontakt.offers;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.conversation.Action;
import no.kontakt.conversation.ActionContext;
import no.kontakt.flow.ActionSpec;
import no.kontakt.store.Enrolment;

/**
 * {@code list_offers}: a numbered page of offers — of some categories, those meeting this week, or the ones the
 * citizen is enrolled in — each with its next meeting. {@code offers_text} is the page; {@code more} is "yes" while
 * pages follow (empty on the last); {@code next_page} is the page MER shows; {@code offer_ids} maps the numbers.
 * <pre>
 * action: list_offers
 * with: { category: "coping,recovery_school", page: "1" }     # or when: this_week, or mine: "yes"
 * exits: { listed: show_list, none: nothing_here }
 * </pre>
 */
public final class ListOffersAction implements Action {
    private static final ActionSpec SPEC = new ActionSpec("list_offers",
            "List offers by category, this week, or the citizen's own, a page of three at a time",
            Set.of("category", "when", "mine", "page"), Set.of(), List.of("listed", "none"),
            Set.of("offers_text", "more", "next_page", "offer_ids"));

    private final Catalogue catalogue;
    private final Enrolments enrolments;

    public ListOffersAction(Catalogue catalogue, Enrolments enrolments) {
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
        List<Listing.Entry> entries = "yes".equals(blank(in.get("mine"))) ? mine(ctx.conversation().id(), now, ctx.language())
                : !blank(in.get("when")).isEmpty() ? thisWeek(blank(in.get("when")), now) : inCategories(blank(in.get("category")), now);
        if (entries.isEmpty()) {
            return new Result("none", Map.of("offers_text", "", "more", "", "next_page", "1", "offer_ids", ""));
        }
        Listing.Page page = Listing.page(entries, page(in.get("page")), ctx.language(), now.atZone(catalogue.zone()));
        return new Result("listed", Map.of("offers_text", page.text(), "more", page.more() ? "yes" : "",
                "next_page", String.valueOf(page.nextPage()), "offer_ids", String.join(" ", page.ids())));
    }

    private List<Listing.Entry> inCategories(String codes, Instant now) {
        Set<Category> wanted = EnumSet.noneOf(Category.class);
        for (String code : codes.split("[,\\s]+")) {
            if (!code.isBlank()) {
                wanted.add(Category.of(code).orElseThrow(() -> new IllegalArgumentException(
                        "list_offers: '" + code + "' is not a category (known: " + Category.codes() + ")")));
            }
        }
        List<Listing.Entry> out = new ArrayList<>();
        for (Offer offer : catalogue.offers()) {
            if (wanted.isEmpty() || wanted.contains(offer.category())) {
                catalogue.next(offer, now).ifPresent(s -> out.add(new Listing.Entry(offer, s, "")));
            }
        }
        return sorted(out);
    }

    private List<Listing.Entry> thisWeek(String when, Instant now) {
        if (!when.equals("this_week")) {
            throw new IllegalArgumentException("list_offers: when must be this_week (was '" + when + "')");
        }
        ZonedDateTime local = now.atZone(catalogue.zone());
        Instant weekEnd = local.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(catalogue.zone()).toInstant();
        List<Listing.Entry> out = new ArrayList<>();
        for (Offer offer : catalogue.offers()) {
            catalogue.sessions(offer, now, weekEnd).stream().findFirst().ifPresent(s -> out.add(new Listing.Entry(offer, s, "")));
        }
        return sorted(out);
    }

    private List<Listing.Entry> mine(String conversationId, Instant now, String language) {
        List<Listing.Entry> out = new ArrayList<>();
        for (Enrolment e : enrolments.ofConversation(conversationId, now)) {
            Offer offer = catalogue.find(e.offerId()).orElseThrow();
            int position = e.seated() ? 0 : enrolments.roster(offer, now).position(conversationId);
            String note = position == 0 ? "" : Listing.waitingNote(position, language);
            catalogue.next(offer, now).ifPresent(s -> out.add(new Listing.Entry(offer, s, note)));
        }
        return sorted(out);
    }

    private static List<Listing.Entry> sorted(List<Listing.Entry> entries) {
        entries.sort(Comparator.comparing(Listing.Entry::session));
        return entries;
    }

    private static int page(String text) {
        try {
            return Integer.parseInt(blank(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
