package no.kontakt.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import no.kontakt.inbox.Staff;
import no.kontakt.limits.RateLimiter;
import no.kontakt.records.AccessLog;

/**
 * Audits reads of the staff lists (the queue, contact requests, appointments, an offer's enrolments, the audit log):
 * who read which list, when. The entry names the list and its filter, never what it showed. A page that refreshes
 * a list every few seconds writes one entry per person and list a minute, not one per refresh.
 */
final class ListReads {
    static final Duration QUIET = Duration.ofMinutes(1);
    private static final Map<String, String> LISTS = Map.of(
            "/api/inbox/conversations", "queue", "/api/inbox/contact-requests", "contact_requests",
            "/api/inbox/appointments", "appointments", "/api/inbox/offers/{offer}/enrolments", "enrolments",
            "/api/admin/audit", "audit_log");

    private final AccessLog log;
    /** One entry per person, list and filter a minute; reads keep counting, so a page that keeps refreshing stays quiet. */
    private final RateLimiter entries;

    ListReads(AccessLog log, Clock clock) {
        this.log = log;
        this.entries = new RateLimiter(1, QUIET, clock);
    }

    void register(RoutesConfig routes) {
        LISTS.forEach((path, list) -> routes.after(path, ctx -> read(ctx, list)));
    }

    private void read(Context ctx, String list) {
        Staff staff = Auth.staff(ctx);
        if (staff == null || !"GET".equals(ctx.method().name()) || ctx.status().getCode() != 200) {
            return;
        }
        String detail = list + filters(ctx);
        if (entries.hit(staff.username() + "\n" + detail).allowed()) {
            log.record(staff, "list_read", null, detail);
        }
    }

    private static String filters(Context ctx) {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"filter", "status"}) {
            String v = ctx.queryParam(name);
            if (v != null && v.matches("[a-z_]{1,20}")) {
                out.append(' ').append(name).append('=').append(v);
            }
        }
        String offer = ctx.pathParamMap().get("offer");
        if (offer != null && offer.matches("[A-Za-z0-9_-]{1,60}")) {
            out.append(" offer=").append(offer);
        }
        return out.toString();
    }
}
