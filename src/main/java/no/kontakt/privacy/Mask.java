package no.kontakt.privacy;

/** Masks personal data for logs: a phone number keeps only its last four digits. */
public final class Mask {
    private Mask() {}

    /** {@code +4791234567} → {@code ***4567}; anything shorter than five characters → {@code ***}. */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "-";
        }
        String s = number.strip();
        return s.length() < 5 ? "***" : "***" + s.substring(s.length() - 4);
    }
}
