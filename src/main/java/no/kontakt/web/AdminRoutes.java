package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.admin.Statistics;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.InboxService;

/** Admin routes under {@code /api/admin}: the audit trail, the statistics and the canned replies. Admins only. */
final class AdminRoutes {
    private final Accounts accounts;
    private final InboxService inbox;
    private final Statistics statistics;
    private final UnitAccess units;

    AdminRoutes(Accounts accounts, InboxService inbox, Statistics statistics, UnitAccess units) {
        this.units = units;
        this.accounts = accounts;
        this.inbox = inbox;
        this.statistics = statistics;
    }

    private static String week(io.javalin.http.Context ctx, String name) {
        String w = ctx.queryParam(name);
        if (w != null && !w.matches("\\d{4}-W\\d{2}")) {
            throw ApiError.badRequest(name + " must be an ISO week like 2026-W48.");
        }
        return w;
    }

    /** The unit whose statistics are asked for ({@code ?unit=}; else the person's first unit), one the person sees. */
    private String unit(io.javalin.http.Context ctx) {
        no.kontakt.inbox.Staff staff = Auth.staff(ctx);
        String asked = ctx.queryParam("unit");
        String unit = asked != null ? asked : staff.sees(units.defaultUnit()) ? units.defaultUnit()
                : units.ids().stream().filter(staff::sees).findFirst().orElse(units.defaultUnit());
        if (!units.ids().contains(unit)) {
            throw ApiError.notFound("There is no unit " + unit + " (known: " + String.join(", ", units.ids()) + ").");
        }
        if (!staff.sees(unit)) {
            throw ApiError.forbidden("You do not see unit " + unit + "; an admin who sees every unit can grant it.");
        }
        return unit;
    }

    /** The unit as the counters name it: null for the default unit. */
    private String stored(String unit) {
        return unit.equals(units.defaultUnit()) ? null : unit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/admin/audit", ctx -> ctx.json(accounts.auditTrail().stream() // another unit's conversations stay out
                .filter(e -> e.conversationId() == null || units.sees(Auth.staff(ctx), e.conversationId())).toList()), Role.ADMIN);
        routes.get("/api/admin/stats", ctx -> {
            String unit = unit(ctx);
            ctx.json(statistics.json(week(ctx, "from"), week(ctx, "to"), stored(unit), unit));
        }, Role.ADMIN);
        routes.get("/api/admin/stats.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=kontakt-stats.csv")
                .result(statistics.csv(week(ctx, "from"), week(ctx, "to"), stored(unit(ctx)))), Role.ADMIN);
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
            ctx.json(inbox.saveCannedReply(id, texts, Auth.staff(ctx)));
        }, Role.ADMIN);
    }
}
