package no.kontakt.conversation;

/**
 * Which unit a conversation belongs to, read from its id. The default unit's ids are {@code channel-pseudonym}, as they
 * always were (so stores from before several units keep their conversations); another unit's are
 * {@code channel-unit-pseudonym}. Contact requests, appointments and enrolments carry their conversation's id, so they
 * belong to its unit too.
 */
public final class UnitIds {
    private UnitIds() {}

    /** The id of the conversation {@code plainId} ({@code channel-pseudonym}) in {@code unit} (null: the default unit). */
    public static String of(String plainId, String unit) {
        if (unit == null) {
            return plainId;
        }
        int dash = plainId.indexOf('-');
        return plainId.substring(0, dash + 1) + unit + plainId.substring(dash);
    }

    /** The unit of a conversation id, or null for the default unit (a message id, {@code conversation/sequence}, works too). */
    public static String unitOf(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        int slash = conversationId.indexOf('/');
        String id = slash < 0 ? conversationId : conversationId.substring(0, slash);
        if (id.startsWith(no.kontakt.store.AuditLog.REF_PREFIX)) {
            return null; // an erased conversation's audit pseudonym (random, may hold dashes): its unit is not known
        }
        int first = id.indexOf('-');
        int last = id.lastIndexOf('-');
        if (first < 0 || first == last) {
            return null;
        }
        String unit = id.substring(first + 1, last);
        return SLUG.matcher(unit).matches() ? unit : null;
    }

    /** What a unit id looks like (as the configuration requires). */
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
}
