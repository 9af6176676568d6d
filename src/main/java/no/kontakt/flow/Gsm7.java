package no.kontakt.flow;

/** The GSM 03.38 alphabet: the basic set (one septet each) and the extension table (escape + char, two septets). */
final class Gsm7 {
    /** The basic set in table order, so a character's index is its code; 0x1B (escape) is a placeholder. */
    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: form feed, ^ { } \ [ ~ ] | and €. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    /** Septets by UTF-16 char, built from the two tables above (every message and reply is counted: no string search). */
    private static final byte[] SEPTETS = new byte[0x10000];

    static {
        for (int i = 0; i < EXTENSION.length(); i++) {
            SEPTETS[EXTENSION.charAt(i)] = 2;
        }
        for (int i = 0; i < BASIC.length(); i++) {
            SEPTETS[BASIC.charAt(i)] = 1;
        }
        SEPTETS[0x1B] = 0;
    }

    private Gsm7() {}

    /** Septets {@code codePoint} takes in GSM-7: 1 (basic), 2 (extension) or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        return codePoint < 0 || codePoint > 0xFFFF ? 0 : SEPTETS[codePoint];
    }
}
