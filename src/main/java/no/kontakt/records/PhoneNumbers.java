package no.kontakt.records;

import java.util.Map;
import java.util.Optional;

/** Telephone numbers as E.164 ({@code +4791234567}) for the unit's country: what a {@code tel:} link and a search need. */
public final class PhoneNumbers {
    private static final Map<String, String> CALLING_CODES = Map.of("NO", "47", "DK", "45", "SE", "46");

    private PhoneNumbers() {}

    /**
     * {@code raw} as E.164: "+47 912 34 567" and "0047 91234567" as they are, a national number ("91234567", Swedish
     * "070-123 45 67") with the country's calling code; empty when it is not a number.
     */
    public static Optional<String> e164(String raw, String country) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("whatsapp:")) {
            s = s.substring("whatsapp:".length());
        }
        boolean international = s.startsWith("+") || s.startsWith("00");
        String digits = s.replaceAll("[\\s().-]", "");
        digits = digits.startsWith("+") ? digits.substring(1) : digits.startsWith("00") ? digits.substring(2) : digits;
        if (!digits.matches("\\d{6,15}")) {
            return Optional.empty();
        }
        if (international) {
            return Optional.of("+" + digits);
        }
        String code = CALLING_CODES.getOrDefault(country, "47");
        return Optional.of("+" + code + ("46".equals(code) && digits.startsWith("0") ? digits.substring(1) : digits));
    }
}
