package no.kontakt.inbox;

import java.util.Map;
import no.kontakt.conversation.ActionContext;

/**
 * The number staff call or text back. Over SMS it is the conversation's own (never copied into the request);
 * the web chat has none, so the script must ask for one (a wait with {@code type: phone}) and pass it as the
 * action's {@code phone} input. Without it, the contact actions save nothing and exit {@code needs_number}.
 */
final class CallbackNumber {
    static final String NEEDS_NUMBER = "needs_number";
    static final String INPUT = "phone";

    private CallbackNumber() {}

    /** True when the conversation has no number of its own and the script gave none. */
    static boolean missing(Map<String, String> in, ActionContext ctx) {
        return !"sms".equals(ctx.conversation().channel()) && given(in) == null;
    }

    /** The number the script passed, or null. */
    static String given(Map<String, String> in) {
        String phone = in.get(INPUT);
        return phone == null || phone.isBlank() ? null : phone.strip();
    }
}
