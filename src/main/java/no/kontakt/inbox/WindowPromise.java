package no.kontakt.inbox;

import java.time.Instant;
import java.util.Map;
import no.kontakt.store.ContactRequest;

/** When to expect contact, from the citizen's own time window: "as soon as we can" or "at the time you gave". */
public final class WindowPromise implements ContactPromise {
    private static final Map<String, String> ASAP = Map.of(
            "nb", "så snart vi kan, senest innen én virkedag",
            "nn", "så snart vi kan, seinast innan éin vyrkedag",
            "da", "så snart vi kan, senest inden for én hverdag",
            "sv", "så snart vi kan, senast inom en arbetsdag",
            "en", "as soon as we can, within one working day");
    private static final Map<String, String> WINDOW = Map.of(
            "nb", "på tidspunktet du ga",
            "nn", "på tidspunktet du gav",
            "da", "på det tidspunkt, du gav",
            "sv", "vid tiden du angav",
            "en", "at the time you gave");

    @Override
    public String describe(ContactRequest request, Instant now, String language) {
        var texts = "asap".equals(request.window()) ? ASAP : WINDOW;
        return texts.getOrDefault(language, texts.get("en"));
    }
}
