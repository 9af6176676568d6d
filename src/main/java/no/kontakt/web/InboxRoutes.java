package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import no.kontakt.inbox.Appointments;
import no.kontakt.inbox.InboxEvents;
import no.kontakt.inbox.InboxService;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Json;

/** The staff inbox API under {@code /api/inbox}: each handler parses, calls one service method and renders. */
final class InboxRoutes {
    private static final Set<String> FILTERS = Set.of("urgent", "waiting", "mine", "unassigned", "closed", "all");
    private static final String BASE = "/api/inbox/conversations/{id}";

    private final InboxService inbox;
    private final Appointments appointments;
    private final InboxEvents events;
    private final no.kontakt.offers.Offers offers;
    private final java.time.Clock clock;
    private final String language;
    private final Office office;
    private final UnitAccess units;
    private final Map<String, no.kontakt.offers.Offers> unitOffers;

    /** What the page needs to run the queue's clock: the promised opening time and the unit's time zone. */
    record Office(java.time.Duration promise, java.time.ZoneId zone) {}

    InboxRoutes(InboxService inbox, Appointments appointments, InboxEvents events,
                no.kontakt.offers.Offers offers, java.time.Clock clock, String language, Office office, UnitAccess units) {
        this(inbox, appointments, events, offers, Map.of(), clock, language, office, units);
    }

    /** @param unitOffers the other units' offers by unit id (a unit without a catalogue of its own has the default's) */
    InboxRoutes(InboxService inbox, Appointments appointments, InboxEvents events, no.kontakt.offers.Offers offers,
                Map<String, no.kontakt.offers.Offers> unitOffers, java.time.Clock clock, String language, Office office, UnitAccess units) {
        this.unitOffers = unitOffers;
        this.units = units;
        this.office = office;
        this.offers = offers;
        this.clock = clock;
        this.language = language;
        this.inbox = inbox;
        this.appointments = appointments;
        this.events = events;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/inbox/conversations", this::queue, Role.INBOX);
        routes.get(BASE, this::conversation, Role.INBOX);
        routes.post(BASE + "/takeover", ctx -> ctx.json(Map.of("status", inbox.takeover(id(ctx), Auth.staff(ctx)).status())), Role.INBOX);
        routes.post(BASE + "/handback", ctx -> ctx.json(Map.of("status", inbox.handback(id(ctx), Auth.staff(ctx)).status())), Role.INBOX);
        routes.post(BASE + "/reopen", ctx -> ctx.json(Map.of("status", inbox.reopen(id(ctx), Auth.staff(ctx)).status())), Role.INBOX);
        routes.post(BASE + "/close", ctx -> ctx.json(Map.of("status",
                inbox.close(id(ctx), Auth.staff(ctx), Bodies.text(Bodies.json(ctx), "outcome", 200)).status())), Role.INBOX);
        routes.post(BASE + "/reply", ctx -> ctx.status(201).json(
                inbox.reply(id(ctx), Auth.staff(ctx), Bodies.text(Bodies.json(ctx), "text", 1600))), Role.INBOX);
        routes.post(BASE + "/notes", ctx -> ctx.status(201).json(
                inbox.note(id(ctx), Auth.staff(ctx), Bodies.text(Bodies.json(ctx), "text", 4000))), Role.INBOX);
        routes.post(BASE + "/appointments", this::book, Role.INBOX);
        routes.get("/api/inbox/contact-requests", this::contactRequests, Role.INBOX);
        routes.get("/api/inbox/appointments", ctx -> ctx.json(appointments.all().stream()
                .filter(a -> units.sees(Auth.staff(ctx), a.conversationId())).toList()), Role.INBOX);
        routes.get("/api/inbox/canned-replies", ctx -> ctx.json(inbox.cannedReplies()), Role.INBOX);
        routes.sse("/api/inbox/events", this::live, Role.INBOX);
        routes.get("/api/inbox/offers", this::offerList, Role.INBOX);
        routes.get("/api/inbox/offers/{offer}/enrolments", this::enrolments, Role.INBOX);
        routes.exception(NoSuchElementException.class, (e, ctx) ->
                ErrorMapping.render(ctx, 404, "not_found", e.getMessage()));
    }

    private void queue(Context ctx) {
        String filter = ctx.queryParam("filter") == null ? "waiting" : ctx.queryParam("filter");
        if (!FILTERS.contains(filter)) {
            throw ApiError.badRequest("filter must be one of urgent, waiting, mine, unassigned, closed, all.");
        }
        List<InboxService.QueueItem> mine = inbox.queue(filter, Auth.staff(ctx)).stream()
                .filter(q -> units.sees(Auth.staff(ctx), q.id())).toList(); // a person's queue holds their units' conversations
        ctx.json(Map.of("filter", filter, "conversations", markDeclined(mine),
                "office", Map.of("open", inbox.officeOpen(), "promiseSeconds", office.promise().toSeconds(), "timeZone", office.zone().getId())));
    }

    /** Each queue line with {@code appointmentDeclined}: the citizen said no to an appointment and staff have not dealt with it yet. */
    private List<JsonNode> markDeclined(List<InboxService.QueueItem> items) {
        Set<String> declined = inbox.contactRequests(true).stream().filter(r -> r.id().endsWith(Appointments.DECLINED))
                .map(ContactRequest::conversationId).collect(java.util.stream.Collectors.toSet());
        return items.stream().map(q -> (JsonNode) ((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(q))
                .put("appointmentDeclined", declined.contains(q.id()))).toList();
    }

    private void conversation(Context ctx) {
        int page = intParam(ctx, "page", 1, 1, 100_000);
        int size = intParam(ctx, "size", 50, 1, 500);
        InboxService.View view = inbox.read(id(ctx), Auth.staff(ctx), page, size)
                .orElseThrow(() -> ApiError.notFound("There is no conversation " + id(ctx) + "."));
        ctx.json(new InboxService.View(view.conversation(), view.messages(), view.events(),
                view.contactRequests().stream().map(InboxRoutes::masked).toList(), view.appointments(), view.page(), view.pages()));
    }

    private void book(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        Instant startsAt = startsAt(Bodies.text(body, "startsAt", 40));
        try {
            ctx.status(201).json(appointments.book(id(ctx), Auth.staff(ctx), startsAt, Bodies.text(body, "place", 200),
                    Bodies.text(body, "with", 200)));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** An ISO-8601 time with offset, or a local date and time in the unit's time zone (what a date-time field gives). */
    private Instant startsAt(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).atZone(office.zone()).toInstant();
            } catch (DateTimeParseException local) {
                throw ApiError.badRequest("startsAt must be an ISO-8601 time, like 2026-11-26T14:00:00+01:00 or 2026-11-26T14:00 (in "
                        + office.zone().getId() + ").");
            }
        }
    }

    private void contactRequests(Context ctx) {
        String status = ctx.queryParam("status");
        List<ContactRequest> all = inbox.contactRequests(ContactRequest.OPEN.equals(status)).stream()
                .filter(r -> status == null || r.status().equals(status))
                .filter(r -> units.sees(Auth.staff(ctx), r.conversationId()))
                .sorted(Comparator.comparing((ContactRequest r) -> !r.urgent()).thenComparing(ContactRequest::createdAt))
                .map(InboxRoutes::masked).toList();
        ctx.json(all);
    }

    /** A number a web-chat citizen gave shows masked in lists: the full number only through the audited reveal. */
    private static ContactRequest masked(ContactRequest r) {
        return r.phone() == null ? r : new ContactRequest(r.id(), r.conversationId(), r.topic(), r.channel(), r.window(), r.windowText(),
                r.name(), r.urgent(), r.status(), r.createdAt(), r.updatedAt(), no.kontakt.privacy.Mask.phone(r.phone().replaceAll("[^+0-9]", "")));
    }

    /** The offers of each unit the person sees, by unit id (a catalogue two units share is listed once, under the first). */
    private Map<String, no.kontakt.offers.Offers> offersSeen(Context ctx) {
        no.kontakt.inbox.Staff staff = Auth.staff(ctx);
        Map<String, no.kontakt.offers.Offers> seen = new java.util.LinkedHashMap<>();
        for (String unit : units.ids()) {
            no.kontakt.offers.Offers of = unit.equals(units.defaultUnit()) ? offers : unitOffers.get(unit);
            if (of != null && (staff == null || staff.sees(unit)) && !seen.containsValue(of)) {
                seen.put(unit, of);
            }
        }
        return seen;
    }

    private void offerList(Context ctx) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (var unit : offersSeen(ctx).entrySet()) {
            rows.addAll(offerRows(unit.getKey(), unit.getValue(), now));
        }
        ctx.json(rows);
    }

    private List<Map<String, Object>> offerRows(String unit, no.kontakt.offers.Offers offers, Instant now) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (var offer : offers.catalogue().offers()) {
            var roster = offers.enrolments().roster(offer, now);
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", offer.id());
            row.put("title", offer.title(language));
            row.put("category", offer.category().toString().toLowerCase());
            row.put("capacity", offer.capacity());
            row.put("signup", offer.signup());
            row.put("seated", roster.seated().size());
            row.put("waiting", roster.waiting().size());
            row.put("nextSession", offers.catalogue().next(offer, now).map(s -> s.start().toOffsetDateTime().toString()).orElse(null));
            row.put("unit", unit);
            rows.add(row);
        }
        return rows;
    }

    private void enrolments(Context ctx) {
        no.kontakt.offers.Offers offers = null;
        no.kontakt.offers.Offer offer = null;
        for (var of : offersSeen(ctx).values()) {
            var found = of.catalogue().find(ctx.pathParam("offer"));
            if (found.isPresent()) {
                offers = of;
                offer = found.get();
                break;
            }
        }
        if (offer == null) {
            throw ApiError.notFound("There is no offer " + ctx.pathParam("offer") + ".");
        }
        var roster = offers.enrolments().roster(offer, clock.instant());
        List<Map<String, Object>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < roster.waiting().size(); i++) {
            var e = roster.waiting().get(i);
            if (!units.sees(Auth.staff(ctx), e.conversationId())) {
                continue;
            }
            waiting.add(Map.of("position", i + 1, "conversationId", e.conversationId(), "joinedAt", e.joinedAt().toString()));
        }
        ctx.json(Map.of("offer", offer.id(), "capacity", offer.capacity() == null ? "unlimited" : offer.capacity(),
                "seated", roster.seated().stream().filter(e -> units.sees(Auth.staff(ctx), e.conversationId())).map(e -> Map.of("conversationId", e.conversationId(), "joinedAt", e.joinedAt().toString())).toList(),
                "waiting", waiting));
    }

    private void live(SseClient client) {
        client.keepAlive();
        no.kontakt.inbox.Staff staff = Auth.staff(client.ctx());
        Runnable unsubscribe = events.subscribe(event -> {
            if (event.get("conversation") != null && !units.sees(staff, event.get("conversation"))) {
                return; // another unit's conversation
            }
            try {
                client.sendEvent(event.get("type"), Json.MAPPER.writeValueAsString(event));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        client.onClose(unsubscribe);
        client.sendComment("connected");
    }

    /** The conversation in the path; one of a unit the person does not see does not exist for them. */
    private String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!units.sees(Auth.staff(ctx), id)) {
            throw ApiError.notFound("There is no conversation " + id + ".");
        }
        return id;
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number.");
        }
    }
}
