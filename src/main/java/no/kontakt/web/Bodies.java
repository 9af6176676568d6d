package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import no.kontakt.store.Json;

/** Reading JSON request bodies with errors a client can act on. */
final class Bodies {
    private Bodies() {}

    static JsonNode json(Context ctx) {
        try {
            JsonNode node = Json.MAPPER.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("The body is not valid JSON.");
        }
    }

    static String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiError.badRequest("The field '" + field + "' is missing or empty.");
        }
        if (value.asText().length() > maxLength) {
            throw ApiError.badRequest("The field '" + field + "' is longer than " + maxLength + " characters.");
        }
        return value.asText().strip();
    }
}
