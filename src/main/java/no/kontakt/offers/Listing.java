package no.kontakt.offers;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A numbered list of offers, a page of {@value #PER_PAGE} at a time, short enough for one or two SMS segments.
 * Numbers run on across pages (page 2 starts at 4), so every number the citizen has seen stays valid.
 */
final class Listing {
    static final int PER_PAGE = 3;

    /** One line: an offer, the meeting to show, and a note such as the place on the waiting list. */
    record Entry(Offer offer, OfferSession session, String note) {}

    /** The page's text, whether more follow, the page MER shows next, and the offer ids of every number so far. */
    record Page(String text, boolean more, int nextPage, List<String> ids) {}

    private Listing() {}

    static Page page(List<Entry> entries, int requested, String language, ZonedDateTime now) {
        int pages = Math.max(1, (entries.size() + PER_PAGE - 1) / PER_PAGE);
        int page = requested < 1 || requested > pages ? 1 : requested;
        int from = (page - 1) * PER_PAGE;
        int to = Math.min(from + PER_PAGE, entries.size());
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            Entry e = entries.get(i);
            String title = e.offer().title(language);
            text.append(text.length() == 0 ? "" : "\n").append(i + 1).append(' ').append(title)
                    .append(title.matches(".*[?!.]$") ? " " : ", ").append(SessionWords.brief(e.session().start(), now, language));
            if (!e.note().isEmpty()) {
                text.append(" (").append(e.note()).append(')');
            }
        }
        List<String> ids = entries.subList(0, to).stream().map(e -> e.offer().id()).toList();
        return new Page(text.toString(), to < entries.size(), to < entries.size() ? page + 1 : 1, ids);
    }

    /** The number the citizen answered, as the offer id it stands for in the list they saw. */
    static Optional<String> chosen(String choice, String ids) {
        if (choice == null || ids == null || ids.isBlank()) {
            return Optional.empty();
        }
        List<String> list = List.of(ids.strip().split("\\s+"));
        try {
            int n = Integer.parseInt(choice.strip());
            return n >= 1 && n <= list.size() ? Optional.of(list.get(n - 1)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "venteliste nr. 2" in the citizen's language. */
    static String waitingNote(int position, String language) {
        return switch (language == null ? "en" : language) {
            case "nb", "nn", "da" -> "venteliste nr. " + position;
            case "sv" -> "kö plats " + position;
            default -> "waiting list no. " + position;
        };
    }
}
