package no.kontakt.flow;

/** The GSM 03.38 alphabet: the basic set (one septet each) and the extension table (escape + char, two septets). */
final class Gsm7 {
    /** The basic set in table order, so a character's index is its code; 0x1B (escape) is a placeholder. */
    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: form feed, ^ { } \ [ ~ ] | and €. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {}

    /** Septets {@code codePoint} takes in GSM-7: 1 (basic), 2 (extension) or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        if (codePoint == 0x1B || codePoint > 0xFFFF) {
            return 0;
        }
        if (BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
    }
}
