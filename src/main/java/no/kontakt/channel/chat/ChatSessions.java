package no.kontakt.channel.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kontakt.privacy.Pseudonyms;

/**
 * Web chat sessions. A session id is 128 random bits with the language it was opened in, signed with the secret
 * key ({@code nb-<32 hex>-<20 base32>}): opening one stores nothing, a forged or altered id is refused, and the
 * id is the conversation's channel address (its conversation id is a pseudonym of it, like a phone number's). A session
 * of another unit than the default has the unit in its id, under the signature ({@code nb-vest-<32 hex>-<20 base32>}),
 * so a browser cannot move a session to another unit.
 */
public final class ChatSessions {
    /** The channel of web chat conversations. */
    public static final String CHANNEL = "web";
    private static final Pattern ID = Pattern.compile("([a-z]{2})-(?:([a-z][a-z0-9_]{0,23})-)?([0-9a-f]{32})-([a-z2-7]{20})");
    private static final String NORWEGIAN = "no";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Pseudonyms keyed;
    private final List<String> languages;
    private final String defaultLanguage;
    /** The written Norwegian that the tag {@code no} stands for: nn where nn is the default, else nb. */
    private final String norwegian;
    /** The unit's languages as tags to look up, with {@code no} when the unit writes {@link #norwegian}. */
    private final List<String> tags;
    private final SecureRandom random = new SecureRandom();

    /** A session as its id says: the id (the conversation's address), the language it was opened in and its unit (null: the default unit). */
    public record Session(String id, String language, String unit) {
        public Session(String id, String language) {
            this(id, language, null);
        }
    }

    public ChatSessions(Pseudonyms keyed, List<String> languages, String defaultLanguage) {
        this.keyed = keyed;
        this.languages = List.copyOf(languages);
        this.defaultLanguage = defaultLanguage;
        this.norwegian = "nn".equals(defaultLanguage) ? "nn" : "nb";
        List<String> tags = new ArrayList<>(this.languages);
        if (this.languages.contains(norwegian)) {
            tags.add(NORWEGIAN);
        }
        this.tags = List.copyOf(tags);
    }

    /** A new session in the unit's language nearest to {@code requested} (a browser's language tag), or the default. */
    public Session open(String requested) {
        return open(requested, null);
    }

    /** A new session of {@code unit} (null: the default unit), in the language nearest to {@code requested}. */
    public Session open(String requested, String unit) {
        String language = pick(requested);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        String signed = unit == null ? secret : unit + "-" + secret;
        return new Session(language + "-" + signed + "-" + tag(language, signed), language, unit);
    }

    /** The session of an id this server issued; empty for anything else (compared in constant time). */
    public Optional<Session> find(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String signed = m.group(2) == null ? m.group(3) : m.group(2) + "-" + m.group(3);
        byte[] expected = tag(m.group(1), signed).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Session(id, languages.contains(m.group(1)) ? m.group(1) : defaultLanguage, m.group(2)));
    }

    /**
     * The provider id of a citizen's message: the same for the same client id in the same session (so a retry
     * is answered from the stored receipt and runs nothing twice), and never the same across sessions.
     */
    public String messageId(Session session, String clientId) {
        if (clientId == null) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return "WEB" + HexFormat.of().formatHex(bytes);
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("a message id is 8 to 64 letters, digits, '-' or '_'");
        }
        return "WEB" + keyed.of("chat-message", session.id() + ":" + clientId);
    }

    /** The unit's language nearest to a language tag (nb-NO → nb, no → nb, en-GB → en), or the unit's default. */
    public String pick(String requested) {
        return match(requested).orElse(defaultLanguage);
    }

    /** The unit's language a language tag names (nb-NO → nb, no → nb), or empty when the unit has none such. */
    public Optional<String> match(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        try {
            return lookup(List.of(new Locale.LanguageRange(tag.strip().replace('_', '-'))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The unit's language a browser's {@code Accept-Language} header asks for first: the ranges by weight (q=0 means
     * not wanted), each looked up as RFC 4647 says ({@code sv-SE} → sv, {@code no} → nb, or nn where nn is the
     * default). A malformed range is skipped; {@code *} names no language of its own. Empty when none is offered.
     */
    public Optional<String> preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        for (String range : acceptLanguage.split(",")) {
            try {
                ranges.addAll(Locale.LanguageRange.parse(range.strip()));
            } catch (IllegalArgumentException e) {
                // a malformed range ("sv;q=abc", "@@") says nothing; the others still count
            }
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        return lookup(ranges);
    }

    private Optional<String> lookup(List<Locale.LanguageRange> ranges) {
        String tag = Locale.lookupTag(ranges, tags);
        return Optional.ofNullable(tag).map(t -> NORWEGIAN.equals(t) ? norwegian : t);
    }

    /** The language a chat session was opened in, from its address; empty for any other address (a phone number). */
    public static Optional<String> languageOf(String address) {
        Matcher m = address == null ? null : ID.matcher(address);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String tag(String language, String secret) {
        return keyed.of("chat-session", language + "-" + secret);
    }
}
