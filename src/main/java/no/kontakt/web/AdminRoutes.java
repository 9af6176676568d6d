package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.inbox.Staff;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.Batch;
import no.kontakt.store.StaffStores;
import no.kontakt.store.Stores;

/** Admin routes under {@code /api/admin}: the audit trail and the canned replies. Admins only. */
final class AdminRoutes {
    private final Stores stores;
    private final Clock clock;

    AdminRoutes(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    private static String week(io.javalin.http.Context ctx, String name) {
        String w = ctx.queryParam(name);
        if (w != null && !w.matches("\\d{4}-W\\d{2}")) {
            throw ApiError.badRequest(name + " must be an ISO week like 2026-W48.");
        }
        return w;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/admin/audit", ctx -> ctx.json(stores.staff().auditTrail()), Role.ADMIN);
        var statistics = new no.kontakt.admin.Statistics(stores.stats());
        routes.get("/api/admin/stats", ctx -> ctx.json(statistics.json(week(ctx, "from"), week(ctx, "to"))), Role.ADMIN);
        routes.get("/api/admin/stats.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=kontakt-stats.csv")
                .result(statistics.csv(week(ctx, "from"), week(ctx, "to"))), Role.ADMIN);
        routes.put("/api/admin/canned-replies/{id}", ctx -> {
            String id = ctx.pathParam("id");
            if (!id.matches("[a-z0-9_-]{1,40}")) {
                throw ApiError.badRequest("A canned reply id is 1-40 lower-case letters, digits, '_' or '-'.");
            }
            JsonNode body = Bodies.json(ctx);
            Map<String, String> texts = new LinkedHashMap<>();
            body.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank() || e.getValue().asText().length() > 640) {
                    throw ApiError.badRequest("Each language's text must be a string of 1-640 characters (" + e.getKey() + ").");
                }
                texts.put(e.getKey(), e.getValue().asText());
            });
            if (texts.isEmpty()) {
                throw ApiError.badRequest("Give the text per language, like {\"nb\": \"…\", \"en\": \"…\"}.");
            }
            Staff staff = Auth.staff(ctx);
            Batch batch = new Batch();
            StaffStores.CannedReply reply = new StaffStores.CannedReply(id, texts);
            stores.staff().saveCanned(batch, reply);
            stores.staff().audit(batch, new AuditEntry(clock.instant(), staff.username(), staff.role(), "canned_reply", null, id));
            stores.commit(batch);
            ctx.json(reply);
        }, Role.ADMIN);
    }
}
