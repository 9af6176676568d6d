package no.kontakt.offers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of offer it is; scripts list offers by one or more of these codes ({@code coping,recovery_school}). */
public enum Category {
    COPING, RECOVERY_SCHOOL, RELATIVES, CANNABIS, PSYCHOLOGIST, PEER, USER_ORG, ACTIVITY;

    /** The code written in {@code offers.yaml} and scripts: {@code recovery_school}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code == null ? "" : code.strip())).findFirst();
    }

    /** The codes, for messages: {@code coping, recovery_school, …}. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Category::code).toList());
    }
}
