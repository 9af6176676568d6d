package no.kontakt.offers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.flow.Location;
import no.kontakt.flow.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code config/offers.yaml} and checks it the way a coordinator can act on: every error and warning at its
 * line with its key path ({@code config/offers.yaml:41:9: offers[2].sessions[0].time: '25:00' is not a time of
 * day; write it like 18:00}). Errors refuse the whole file; warnings (SMS cost) are logged.
 */
public final class CatalogueLoader {
    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);
    private static final Set<String> TOP_KEYS = Set.of("texts", "offers");
    private static final Set<String> OFFER_KEYS = Set.of("id", "category", "title", "description", "audience", "organiser", "place",
            "sessions", "capacity", "signup", "waiting_list", "public");
    /** The catalogue's own texts and the placeholders each may use. */
    static final Map<String, Set<String>> TEXTS = Map.of(
            "reminder", Set.of("title", "when", "time", "place"),
            "promoted", Set.of("title", "when", "place"));
    static final int TITLE_CHARS = 45;
    static final int DESCRIPTION_CHARS = 120;

    private final LocatedYaml yaml;
    private final SessionReader sessions;
    private final LanguageTexts texts;

    private CatalogueLoader(LocatedYaml yaml, List<String> languages) {
        this.yaml = yaml;
        this.sessions = new SessionReader(yaml);
        this.texts = new LanguageTexts(yaml, languages);
    }

    /** What reading gave: the catalogue (null on any error) and every problem. */
    public record Result(Catalogue catalogue, List<Problem> problems) {
        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    /** Loads the file or throws {@link CatalogueException} with every error; warnings are logged. */
    public static Catalogue load(Path file, ZoneId zone, List<String> languages) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CatalogueException(List.of(Problem.error(new Location(file.toString(), 0, 0),
                    "cannot be read (" + e.getMessage() + "); set offers.catalogue in kontakt.yaml to the catalogue file")));
        }
        Result result = read(file.toString(), text, zone, languages);
        if (result.catalogue() == null) {
            throw new CatalogueException(result.problems());
        }
        result.warnings().forEach(w -> log.warn("offers catalogue: {}", w));
        log.info("offers catalogue loaded file={} offers={}", file, result.catalogue().offers().size());
        return result.catalogue();
    }

    public static Result read(String fileName, String text, ZoneId zone, List<String> languages) {
        LocatedYaml yaml = LocatedYaml.read(fileName, text);
        if (yaml.root == null) {
            return new Result(null, List.copyOf(yaml.problems));
        }
        CatalogueLoader loader = new CatalogueLoader(yaml, languages);
        Catalogue catalogue = loader.catalogue(zone);
        return new Result(yaml.hasErrors() ? null : catalogue, List.copyOf(yaml.problems));
    }

    private Catalogue catalogue(ZoneId zone) {
        Map<String, JsonNode> top = yaml.fields(yaml.root, "", "the catalogue", TOP_KEYS);
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        Map<String, JsonNode> textNodes = top.containsKey("texts") ? yaml.fields(top.get("texts"), "/texts", "texts", TEXTS.keySet()) : Map.of();
        for (String key : TEXTS.keySet()) {
            if (!textNodes.containsKey(key)) {
                yaml.error("/texts", "the text '" + key + "' is missing");
                continue;
            }
            texts.put(key, this.texts.read(textNodes.get(key), "/texts/" + key, 2 * 153, TEXTS.get(key)));
        }
        List<Offer> offers = new ArrayList<>();
        JsonNode list = top.get("offers");
        if (list == null || !list.isArray()) {
            yaml.error(list == null ? "" : "/offers", "'offers:' must be a list of offers (each starting with '- id:')");
        } else {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                Offer offer = offer(list.get(i), "/offers/" + i);
                if (offer == null) {
                    continue;
                }
                Integer earlier = ids.putIfAbsent(offer.id(), i);
                if (earlier != null) {
                    yaml.error("/offers/" + i + "/id", "the id '" + offer.id() + "' is used already by offers[" + earlier + "] at line "
                            + yaml.at("/offers/" + earlier).line() + "; every offer needs its own id");
                } else {
                    offers.add(offer);
                }
            }
        }
        return yaml.hasErrors() ? null : new Catalogue(offers, texts, zone);
    }

    private Offer offer(JsonNode node, String at) {
        Map<String, JsonNode> f = yaml.fields(node, at, "an offer", OFFER_KEYS);
        if (!node.isObject()) {
            return null;
        }
        int before = errorCount();
        String id = Scalars.text(yaml, f, at, "id", true);
        if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id != null && id.length() > 40) {
            yaml.error(at + "/id", "'" + id + "' is not a good id: use at most 40 lower-case letters, digits and dashes, like kid-spring-2027");
        }
        String categoryCode = Scalars.text(yaml, f, at, "category", true);
        Category category = categoryCode == null ? null : Category.of(categoryCode).orElse(null);
        if (categoryCode != null && category == null) {
            yaml.error(at + "/category", "'" + categoryCode + "' is not a category (known: " + Category.codes() + ")");
        }
        Map<String, String> title = f.containsKey("title")
                ? texts.read(f.get("title"), at + "/title", TITLE_CHARS, Set.of()) : texts.missing(at, "title");
        Map<String, String> description = f.containsKey("description")
                ? texts.read(f.get("description"), at + "/description", DESCRIPTION_CHARS, Set.of()) : texts.missing(at, "description");
        Audience audience = audience(f.get("audience"), at + "/audience");
        String organiser = Scalars.text(yaml, f, at, "organiser", true);
        String place = Scalars.text(yaml, f, at, "place", true);
        List<SessionRule> rules = sessions.read(f.get("sessions"), at + "/sessions");
        Integer capacity = Scalars.positive(yaml, f, at, "capacity");
        Boolean signup = Scalars.bool(yaml, f, at, "signup", null);
        boolean waitingList = Boolean.TRUE.equals(Scalars.bool(yaml, f, at, "waiting_list", true));
        Boolean isPublic = Scalars.bool(yaml, f, at, "public", null);
        if (capacity != null && Boolean.FALSE.equals(signup)) {
            yaml.error(at + "/capacity", "a drop-in offer (signup: false) has no seats to count; remove capacity or set signup: true");
        }
        if (errorCount() > before || id == null || category == null || signup == null || isPublic == null) {
            return null;
        }
        return new Offer(id, category, title, description, audience, organiser, place, rules, capacity, signup, waitingList, isPublic);
    }

    private Audience audience(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Audience.ALL;
        }
        if (node.isTextual() || node.isNumber()) {
            String code = node.asText().strip();
            if (!Audience.knownCode(code)) {
                yaml.error(at, "'" + code + "' is not an audience: write all, relatives, an age band like 18-30 or 16+, "
                        + "or a text per language");
            }
            return new Audience(code, Map.of());
        }
        return new Audience("text", texts.read(node, at, TITLE_CHARS * 2, Set.of()));
    }

    private int errorCount() {
        return (int) yaml.problems.stream().filter(Problem::isError).count();
    }
}
