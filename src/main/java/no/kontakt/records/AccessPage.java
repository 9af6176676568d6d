package no.kontakt.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The access report as a readable, self-contained HTML page; every value is escaped. */
public final class AccessPage {
    private static final Map<String, String> HEADINGS = Map.of("conversations", "Samtaler", "contactRequests", "Kontaktønsker",
            "enrolments", "Påmeldinger", "appointments", "Avtaler", "accessLog", "Innsynslogg: hvem har lest eller hentet ut hva",
            "messages", "Meldinger", "events", "Hendelser og notater");

    private AccessPage() {}

    public static String html(JsonNode report) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\">"
                + "<title>Innsyn for " + escape(report.path("number").asText()) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}"
                + "table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #888;padding:.2rem .4rem;text-align:left;vertical-align:top}"
                + "th{background:#eee}</style></head><body><main>\n");
        out.append("<h1>Innsyn: opplysninger om ").append(escape(report.path("number").asText())).append("</h1>\n");
        out.append("<p>Laget ").append(escape(report.path("generatedAt").asText())).append(" av ")
                .append(escape(report.path("generatedBy").asText())).append(".</p>\n");
        for (String section : new String[] {"conversations", "contactRequests", "enrolments", "appointments", "accessLog"}) {
            JsonNode rows = report.path(section);
            out.append("<h2>").append(HEADINGS.get(section)).append(" (").append(rows.size()).append(")</h2>\n");
            if ("conversations".equals(section)) {
                for (JsonNode c : rows) {
                    out.append("<section><h3>Samtale ").append(escape(c.path("id").asText())).append("</h3>\n");
                    table(out, scalars(c));
                    out.append("<h4>").append(HEADINGS.get("messages")).append("</h4>\n");
                    table(out, c.path("messages"));
                    out.append("<h4>").append(HEADINGS.get("events")).append("</h4>\n");
                    table(out, c.path("events"));
                    out.append("</section>\n");
                }
            } else {
                table(out, rows);
            }
        }
        return out.append("</main></body></html>\n").toString();
    }

    private static JsonNode scalars(JsonNode object) {
        var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        object.fields().forEachRemaining(e -> {
            if (!e.getValue().isContainerNode()) {
                copy.set(e.getKey(), e.getValue());
            }
        });
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(copy);
    }

    /** Rows of objects as a table with a column per field of the first row; nested values as compact JSON. */
    private static void table(StringBuilder out, JsonNode rows) {
        if (rows.isEmpty()) {
            out.append("<p>Ingen.</p>\n");
            return;
        }
        out.append("<table><thead><tr>");
        rows.get(0).fieldNames().forEachRemaining(f -> out.append("<th scope=\"col\">").append(escape(f)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (JsonNode row : rows) {
            out.append("<tr>");
            rows.get(0).fieldNames().forEachRemaining(f -> {
                JsonNode v = row.path(f);
                out.append("<td>").append(escape(v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString())).append("</td>");
            });
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
