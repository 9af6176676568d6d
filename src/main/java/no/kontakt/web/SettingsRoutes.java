package no.kontakt.web;

import io.javalin.config.RoutesConfig;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.admin.Settings;

/** Hours, emergency numbers and the offers catalogue under {@code /api/admin/settings}: read as YAML, replace, validated. */
final class SettingsRoutes {
    private final Settings settings;

    SettingsRoutes(Settings settings) {
        this.settings = settings;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/admin/settings", ctx -> ctx.json(settings.list()), Role.ADMIN);
        routes.get("/api/admin/settings/{name}", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(
                settings.yaml(ctx.pathParam("name")).orElseThrow(() -> ApiError.notFound("There is no setting " + ctx.pathParam("name")
                        + " (known: " + String.join(", ", Settings.NAMES) + ").")).getBytes(StandardCharsets.UTF_8)), Role.ADMIN);
        routes.put("/api/admin/settings/{name}", ctx -> {
            String yaml = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
            if (yaml.isBlank()) {
                throw ApiError.badRequest("Send the setting's YAML as the body (GET it first to start from the one in force).");
            }
            Object result = settings.put(name(ctx), yaml, Auth.staff(ctx));
            if (result instanceof Settings.Refusal r) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", "invalid");
                body.put("message", "The setting was not changed: " + String.join("; ", r.errors()));
                body.put("problems", r.errors());
                body.put("located", r.located());
                ctx.status(422).json(body);
            } else {
                ctx.json(result);
            }
        }, Role.ADMIN);
        routes.post("/api/admin/settings/{name}/validate", ctx -> {
            var problems = settings.check(name(ctx), new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
            ctx.json(Map.of("errors", problems.stream().filter(Settings.Located::isError).count(), "problems", problems));
        }, Role.ADMIN);
    }

    private static String name(io.javalin.http.Context ctx) {
        String name = ctx.pathParam("name");
        if (!Settings.NAMES.contains(name)) {
            throw ApiError.notFound("There is no setting " + name + " (known: " + String.join(", ", Settings.NAMES) + ").");
        }
        return name;
    }
}
