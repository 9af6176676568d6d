package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.conversation.ConversationService;
import no.kontakt.flow.Segments;
import no.kontakt.inbox.Permission;
import no.kontakt.inbox.Staff;
import no.kontakt.records.AccessLog;
import no.kontakt.records.AccessPage;
import no.kontakt.records.AccessRequest;
import no.kontakt.records.CallBacks;
import no.kontakt.records.FhirRecord;
import no.kontakt.records.PhoneNumbers;
import no.kontakt.records.TextRecord;
import no.kontakt.records.Records;
import no.kontakt.store.Conversation;
import no.kontakt.store.Json;

/**
 * Call-backs, record exports and access requests: the full number of a conversation on request, a conversation as
 * journal text or as a FHIR R4 bundle, and everything held about a number (innsyn). Each is audited; none is
 * open to peer workers. Also the reply's SMS cost, and the audit of list reads.
 */
final class RecordRoutes {
    private static final String BASE = "/api/inbox/conversations/{id}";

    private final ConversationService conversations;
    private final Clock clock;
    private final AccessLog log;
    private final CallBacks callBacks;
    private final TextRecord text;
    private final FhirRecord fhir;
    private final AccessRequest access;
    private final String country;
    private final ListReads lists;

    private final UnitAccess units;

    RecordRoutes(Records records, ConversationService conversations, Clock clock, no.kontakt.config.AppConfig config, UnitAccess units) {
        this.units = units;
        this.conversations = conversations;
        this.clock = clock;
        this.country = config.unit().country();
        this.log = records.log();
        this.callBacks = records.callBacks();
        this.text = records.text();
        this.fhir = records.fhir();
        this.access = records.access();
        this.lists = new ListReads(log, clock);
    }

    void register(RoutesConfig routes) {
        routes.post(BASE + "/reveal-number", ctx -> ctx.json(Map.of("number", callBacks.reveal(id(ctx), Auth.require(ctx, Permission.REVEAL_NUMBER))
                .orElseThrow(() -> new ApiError(404, "no_number", "The citizen left no number to call back on in this conversation.")))),
                Role.INBOX);
        routes.get(BASE + "/export.txt", ctx -> {
            Staff staff = Auth.require(ctx, Permission.EXPORT);
            Conversation c = conversation(ctx);
            log.record(staff, "export_text", c.id(), "");
            ctx.contentType("text/plain; charset=utf-8").header("Content-Disposition", "inline; filename=\"" + c.id() + ".txt\"")
                    .header("Cache-Control", "no-store").result(text.of(c, staff.username(), clock.instant()));
        }, Role.INBOX);
        routes.get(BASE + "/export.fhir.json", ctx -> {
            Staff staff = Auth.require(ctx, Permission.EXPORT);
            Conversation c = conversation(ctx);
            log.record(staff, "export_fhir", c.id(), "");
            ctx.contentType("application/fhir+json; charset=utf-8").header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment; filename=\"" + c.id() + ".fhir.json\"")
                    .result(fhir.json(c, clock.instant()).getBytes(StandardCharsets.UTF_8));
        }, Role.INBOX);
        routes.post("/api/admin/access-export", ctx -> {
            JsonNode body = Bodies.json(ctx);
            accessExport(ctx, Bodies.text(body, "number", 40), body.hasNonNull("format") ? body.get("format").asText() : "json");
        }, Role.ADMIN);
        routes.get("/api/admin/access-export", ctx -> accessExport(ctx, ctx.queryParam("number"),
                ctx.queryParam("format") == null ? "json" : ctx.queryParam("format")), Role.ADMIN);
        routes.post("/api/inbox/segments", ctx -> ctx.json(segments(Bodies.json(ctx))), Role.INBOX);
        lists.register(routes);
    }

    private void accessExport(Context ctx, String raw, String format) {
        Staff staff = Auth.require(ctx, Permission.CITIZEN_ACCESS);
        if (!"json".equals(format) && !"html".equals(format)) {
            throw ApiError.badRequest("format is json or html.");
        }
        String number = PhoneNumbers.e164(raw, country).orElseThrow(() ->
                ApiError.badRequest("Give the citizen's telephone number, like +4791234567 or 912 34 567."));
        Map<String, Object> report = access.report(number, staff.username(), clock.instant(), id -> units.sees(staff, id));
        @SuppressWarnings("unchecked")
        var conversations = (java.util.List<Map<String, Object>>) report.get("conversations");
        conversations.forEach(c -> log.record(staff, "access_export", (String) c.get("id"), "innsyn"));
        log.record(staff, "access_export", null, no.kontakt.privacy.Mask.phone(number) + ", " + conversations.size() + " conversation(s)");
        ctx.header("Cache-Control", "no-store");
        if ("html".equals(format)) {
            // a page of its own: no script at all, only its inline style sheet
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                    .contentType("text/html; charset=utf-8").result(AccessPage.html(Json.MAPPER.valueToTree(report)));
        } else {
            ctx.json(report);
        }
    }

    private static Map<String, Object> segments(JsonNode body) {
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().length() > 1600) {
            throw ApiError.badRequest("Give the reply as {\"text\": \"…\"} (at most 1600 characters).");
        }
        Segments s = Segments.of(text.asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("characters", text.asText().codePointCount(0, text.asText().length()));
        out.put("units", s.units());
        out.put("segments", s.count());
        out.put("encoding", s.encoding() == Segments.Encoding.GSM7 ? "GSM-7" : "UCS-2");
        out.put("warn", s.count() >= 3 || s.encoding() == Segments.Encoding.UCS2);
        out.put("culprits", Segments.ucs2Culprits(text.asText()));
        return out;
    }

    private Conversation conversation(Context ctx) {
        return conversations.conversation(id(ctx)).orElseThrow(() -> ApiError.notFound("There is no conversation " + id(ctx) + "."));
    }

    /** The conversation in the path; one of a unit the person does not see does not exist for them. */
    private String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!units.sees(Auth.staff(ctx), id)) {
            throw ApiError.notFound("There is no conversation " + id + ".");
        }
        return id;
    }
}
