package no.kontakt.inbox;

import java.util.List;

/**
 * The person doing something in the inbox, the role they do it under, and the units whose conversations they see
 * ({@code *}: every unit). Made without units (the tools, the command line), a person sees every unit.
 */
public record Staff(String username, String role, List<String> units) {
    /** Every unit. */
    public static final String ALL_UNITS = "*";

    public Staff(String username, String role) {
        this(username, role, List.of(ALL_UNITS));
    }

    public Staff {
        units = units == null ? List.of(ALL_UNITS) : List.copyOf(units);
    }

    public String actor() {
        return "staff:" + username;
    }

    /** Whether this person's role has the permission (see {@link Permission} for the table). */
    public boolean may(Permission permission) {
        return permission.allows(role);
    }

    /** Whether this person sees the unit {@code unit}'s conversations. */
    public boolean sees(String unit) {
        return units.contains(ALL_UNITS) || units.contains(unit);
    }
}
