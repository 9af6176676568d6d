package no.kontakt.channel.twilio;

import java.util.List;
import java.util.function.IntFunction;

/** Renders the replies to a webhook as TwiML; no replies is {@code <Response/>}. */
public final class TwiML {
    private TwiML() {}

    /** @param statusUrl the status callback URL of the i-th reply, or null for none */
    public static String render(List<String> replies, IntFunction<String> statusUrl) {
        if (replies.isEmpty()) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        for (int i = 0; i < replies.size(); i++) {
            String action = statusUrl.apply(i);
            xml.append(action == null ? "<Message>" : "<Message action=\"" + escape(action) + "\" method=\"POST\">")
                    .append(escape(replies.get(i)))
                    .append("</Message>");
        }
        return xml.append("</Response>").toString();
    }

    /** XML-escapes text and drops the control characters XML 1.0 cannot carry. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
