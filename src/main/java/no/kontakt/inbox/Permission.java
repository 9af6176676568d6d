package no.kontakt.inbox;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a role may do beyond working the shared queue. One rule for the whole server: routes and services ask
 * {@link Staff#may(Permission)} (or {@code Auth.require(ctx, permission)} in the web layer), never a role name.
 *
 * <table>
 *   <tr><th></th><th>staff</th><th>oncall</th><th>peer</th><th>admin</th></tr>
 *   <tr><td>{@link #SEE_ALL_CONVERSATIONS}</td><td>yes</td><td>yes</td><td>no: the shared queue and their own</td><td>yes</td></tr>
 *   <tr><td>{@link #REVEAL_NUMBER}</td><td>yes</td><td>yes</td><td>no</td><td>yes</td></tr>
 *   <tr><td>{@link #EXPORT}</td><td>yes</td><td>yes</td><td>no</td><td>yes</td></tr>
 *   <tr><td>{@link #CITIZEN_ACCESS}</td><td>no</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>{@link #AUDIT_LOG}</td><td>no</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>{@link #MANAGE}</td><td>no</td><td>no</td><td>no</td><td>yes</td></tr>
 * </table>
 */
public enum Permission {
    /** Read conversations assigned to someone else (a peer worker sees the shared queue and their own only). */
    SEE_ALL_CONVERSATIONS,
    /** See a citizen's full phone number (call-backs). */
    REVEAL_NUMBER,
    /** Export a conversation for the health record (text, FHIR). */
    EXPORT,
    /** Export everything held about a number (innsyn, GDPR art. 15). */
    CITIZEN_ACCESS,
    /** Read the audit log. */
    AUDIT_LOG,
    /** Scripts, settings, accounts. */
    MANAGE;

    private static final Map<String, Set<Permission>> BY_ROLE = Map.of(
            "staff", EnumSet.of(SEE_ALL_CONVERSATIONS, REVEAL_NUMBER, EXPORT),
            "oncall", EnumSet.of(SEE_ALL_CONVERSATIONS, REVEAL_NUMBER, EXPORT),
            "peer", EnumSet.noneOf(Permission.class),
            "admin", EnumSet.allOf(Permission.class));

    /** Whether a role (by its name: staff, peer, oncall, admin) has this permission; unknown roles have none. */
    public boolean allows(String role) {
        return role != null && BY_ROLE.getOrDefault(role.toLowerCase(Locale.ROOT), Set.of()).contains(this);
    }
}
