package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.admin.ScriptAdmin;
import no.kontakt.admin.ScriptDiagram;
import no.kontakt.admin.TranscriptCheck;
import no.kontakt.admin.TranscriptRewording;
import no.kontakt.flow.Problem;
import no.kontakt.flow.ScriptException;
import no.kontakt.store.ScriptVersion;

/** Scripts while Kontakt runs, under {@code /api/admin/scripts}: read, draft, validate, publish, roll back, simulate. */
final class ScriptRoutes {
    private static final String BASE = "/api/admin/scripts/{name}";

    private final ScriptAdmin scripts;
    private final TranscriptCheck transcripts;
    private final TranscriptRewording rewording;

    ScriptRoutes(ScriptAdmin scripts, TranscriptCheck transcripts) {
        this.scripts = scripts;
        this.transcripts = transcripts;
        this.rewording = new TranscriptRewording(scripts, transcripts);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/admin/scripts", ctx -> ctx.json(scripts.list()), Role.ADMIN);
        routes.get(BASE, ctx -> yaml(ctx, scripts.live(name(ctx)).map(ScriptVersion::yaml)
                .orElseThrow(() -> ApiError.notFound("There is no script " + name(ctx) + "."))), Role.ADMIN);
        routes.get(BASE + "/draft", ctx -> yaml(ctx, scripts.draft(name(ctx)).map(d -> d.yaml())
                .orElseThrow(() -> ApiError.notFound(name(ctx) + " has no draft."))), Role.ADMIN);
        routes.put(BASE + "/draft", ctx -> {
            scripts.saveDraft(name(ctx), body(ctx), Auth.staff(ctx));
            ctx.status(204);
        }, Role.ADMIN);
        routes.post(BASE + "/validate", this::validate, Role.ADMIN);
        routes.post(BASE + "/publish", ctx -> outcome(ctx, scripts.publish(name(ctx), Auth.staff(ctx))), Role.ADMIN);
        routes.get(BASE + "/versions", ctx -> ctx.json(scripts.versions(name(ctx)).stream().map(v -> Map.of(
                "version", v.version(), "publishedBy", v.publishedBy(), "publishedAt", v.publishedAt().toString())).toList()), Role.ADMIN);
        routes.post(BASE + "/rollback", ctx -> {
            JsonNode version = Bodies.json(ctx).get("version");
            if (version == null || !version.canConvertToInt()) {
                throw ApiError.badRequest("Give the version to go back to: {\"version\": N}.");
            }
            outcome(ctx, scripts.rollback(name(ctx), version.asInt(), Auth.staff(ctx)));
        }, Role.ADMIN);
        routes.post(BASE + "/simulate", this::simulate, Role.ADMIN);
        routes.post(BASE + "/transcripts", this::transcripts, Role.ADMIN);
        routes.post(BASE + "/transcripts/review", ctx -> reword(ctx, false), Role.ADMIN);
        routes.post(BASE + "/transcripts/accept", ctx -> reword(ctx, true), Role.ADMIN);
        routes.get(BASE + "/diagram.svg", this::diagram, Role.ADMIN);
    }

    /** Replays every transcript against the YAML in the body, else the draft, else the live version. */
    private void transcripts(Context ctx) {
        String name = name(ctx);
        String yaml = !ctx.body().isBlank() ? body(ctx) : scripts.draft(name).map(d -> d.yaml()).or(() -> scripts.live(name).map(ScriptVersion::yaml))
                .orElseThrow(() -> ApiError.notFound("There is no script " + name + "."));
        ScriptAdmin.Candidate candidate = scripts.candidate(name, yaml);
        if (!candidate.ok()) {
            refused(ctx, candidate.errors(), List.of());
            return;
        }
        List<TranscriptCheck.Result> results = transcripts.run(candidate, name);
        long passed = results.stream().filter(TranscriptCheck.Result::passed).count();
        ctx.json(Map.of("passed", passed, "failed", results.size() - passed, "transcripts", results));
    }

    /**
     * Which transcripts show a text the draft rewords, old → new per turn ({@code review}); {@code accept} rewrites
     * those turns and keeps them with the draft (422 when the draft changes more than texts, or a turn differs in more).
     */
    private void reword(Context ctx, boolean accept) {
        String name = name(ctx);
        String yaml = scripts.draft(name).map(d -> d.yaml()).orElseThrow(() -> ApiError.notFound(name + " has no draft to compare."));
        ScriptAdmin.Candidate candidate = scripts.candidate(name, yaml);
        if (!candidate.ok()) {
            refused(ctx, candidate.errors(), List.of());
            return;
        }
        if (!accept) {
            ctx.json(rewording.review(name, yaml, candidate));
            return;
        }
        TranscriptRewording.Review review = rewording.accept(name, yaml, candidate, Auth.staff(ctx));
        if (review.acceptable()) {
            ctx.json(Map.of("accepted", review.transcripts().stream().map(TranscriptRewording.Change::file).toList(), "review", review));
            return;
        }
        String message = review.structural() != null
                ? "The draft changes more than texts (" + review.structural() + "): its transcripts must pass as they are. Edit them in conversations/tests/."
                : review.transcripts().isEmpty() ? "Every transcript passes: there is nothing to accept."
                : "A transcript differs in more than a text: " + review.transcripts().stream().filter(c -> c.problem() != null)
                        .map(c -> c.file() + ", " + c.problem()).findFirst().orElse("") + ".";
        ctx.status(review.transcripts().isEmpty() && review.structural() == null ? 409 : 422)
                .json(Map.of("error", review.structural() != null ? "structural" : review.transcripts().isEmpty() ? "nothing_to_accept" : "not_a_text",
                        "message", message, "review", review));
    }

    /** The steps of the live version ({@code ?of=live}, the default) or of the draft ({@code ?of=draft}) as SVG. */
    private void diagram(Context ctx) {
        String name = name(ctx);
        if (!ScriptAdmin.isScript(name)) {
            throw ApiError.notFound(name + " holds no steps to draw (only scripts have a diagram).");
        }
        String of = ctx.queryParam("of") == null ? "live" : ctx.queryParam("of");
        String yaml = switch (of) {
            case "live" -> scripts.live(name).map(ScriptVersion::yaml).orElseThrow(() -> ApiError.notFound("There is no script " + name + "."));
            case "draft" -> scripts.draft(name).map(d -> d.yaml()).orElseThrow(() -> ApiError.notFound(name + " has no draft."));
            default -> throw ApiError.badRequest("of is live or draft.");
        };
        var loaded = scripts.load(name, yaml);
        if (loaded.script() == null) {
            refused(ctx, loaded.problems().stream().filter(Problem::isError).toList(), List.of());
            return;
        }
        ctx.contentType("image/svg+xml; charset=utf-8").result(ScriptDiagram.svg(loaded.script()).getBytes(StandardCharsets.UTF_8));
    }

    private void validate(Context ctx) {
        String yaml = ctx.body().isBlank() ? scripts.draft(name(ctx)).map(d -> d.yaml())
                .orElseThrow(() -> ApiError.notFound(name(ctx) + " has no draft; send the YAML in the body.")) : body(ctx);
        List<Problem> problems = scripts.validate(name(ctx), yaml);
        ctx.json(Map.of("errors", problems.stream().filter(Problem::isError).count(), "problems", problems.stream().map(ScriptRoutes::json).toList()));
    }

    private void simulate(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty() || messages.size() > 50) {
            throw ApiError.badRequest("Give 1-50 messages to send: {\"messages\": [\"hei\", \"1\"]}.");
        }
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.asText()));
        String language = body.hasNonNull("language") ? body.get("language").asText() : null;
        OffsetDateTime at;
        try {
            at = body.hasNonNull("at") ? OffsetDateTime.parse(body.get("at").asText()) : OffsetDateTime.now();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badRequest("at must be an ISO-8601 time with offset.");
        }
        try {
            ctx.json(Map.of("replies", scripts.simulate(name(ctx), texts, language, at)));
        } catch (ScriptException e) {
            refused(ctx, e.problems(), List.of());
        }
    }

    private static void outcome(Context ctx, Object result) {
        if (result instanceof ScriptAdmin.Refusal r) {
            refused(ctx, r.problems(), r.transcripts());
        } else {
            ctx.json(result);
        }
    }

    private static void refused(Context ctx, List<Problem> problems, List<String> transcripts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("message", problems.isEmpty() ? "The draft breaks " + transcripts.size() + " transcript turn(s); the live version is unchanged."
                : "The draft has " + problems.size() + " error(s); the live version is unchanged.");
        body.put("problems", problems.stream().map(ScriptRoutes::json).toList());
        body.put("transcripts", transcripts);
        ctx.status(422).json(body);
    }

    private static Map<String, Object> json(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", p.isError() ? "error" : "warning");
        m.put("file", p.location().file());
        m.put("line", p.location().line());
        m.put("column", p.location().column());
        m.put("message", p.message());
        m.put("text", p.toString());
        return m;
    }

    private static void yaml(Context ctx, String yaml) {
        ctx.contentType("application/yaml; charset=utf-8").result(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(Context ctx) {
        String yaml = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (yaml.isBlank()) {
            throw ApiError.badRequest("Send the script's YAML as the body.");
        }
        return yaml;
    }

    private static String name(Context ctx) {
        String name = ctx.pathParam("name");
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw ApiError.badRequest("A script name is lower-case letters, digits and _ (like contact_cancel).");
        }
        return name;
    }
}
