package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.kontakt.Kontakt;
import no.kontakt.config.ConfigLoader;
import no.kontakt.store.Conversation;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import no.kontakt.yaml.YamlReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialogue corpus: multi-turn conversations written as people write them, in five languages, each turn
 * checked for what the bot must say and what it must never say (case-insensitive regular expressions over all
 * the texts the turn produced), and the state at the end (urgent, open contact requests and what they hold,
 * opt-out). They are written apart from the transcripts and the NLU sets, and loosely on purpose: they check
 * what a person needs to read (the number to call, that we understood the time asked for), not exact wording.
 *
 * <p>Every dialogue runs over the real SMS webhook (signed requests) against a served Kontakt on a MapDB store:
 * one unit per country (NO for nb/nn/en, DK for da, SE for sv), with on-call phones configured. Dialogues of a
 * unit run in the order of their clock time, each from its own number. A turn {@code silence: 45m} moves the
 * clock and runs the scheduled work, and checks what was sent meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialogueCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/dialogues");
    static final String ONCALL = "+4790000001";

    @TempDir
    static Path data;

    private final Map<String, Unit> units = new LinkedHashMap<>();

    record Unit(Kontakt kontakt, MutableClock clock, RecordingSender sender, TwilioRequests twilio) {}

    /** {@code knownFailure}: why this dialogue does not pass yet; the test fails when it starts to pass, so the note stays true. */
    record Dialogue(String file, String name, String language, String country, OffsetDateTime at, JsonNode turns, JsonNode end,
                    String knownFailure) {}

    @BeforeAll
    void startUnits() throws IOException {
        for (String country : List.of("NO", "DK", "SE")) {
            units.put(country, start(country));
        }
    }

    @AfterAll
    void stopUnits() {
        units.values().forEach(u -> u.kontakt().close());
    }

    private Unit start(String country) throws IOException {
        Path dir = data.resolve(country);
        Files.createDirectories(dir);
        String yaml = Files.readString(Path.of("config/kontakt.yaml"));
        if (!country.equals("NO")) {
            String zone = country.equals("DK") ? "Europe/Copenhagen" : "Europe/Stockholm";
            String lang = country.equals("DK") ? "da" : "sv";
            yaml = yaml.replace("country: NO", "country: " + country)
                    .replace("time_zone: Europe/Oslo", "time_zone: " + zone)
                    .replace("default_language: nb", "default_language: " + lang)
                    .replaceAll("(?s)\nemergency:.*?\n\n", "\n\n")
                    .replace("conversations:\n  dir: conversations", "conversations:\n  dir: " + Path.of("conversations").toAbsolutePath());
            Path extra = CORPUS.resolve("unit-" + country.toLowerCase(java.util.Locale.ROOT) + ".yaml");
            if (Files.exists(extra)) {
                yaml = yaml + "\n" + Files.readString(extra);
            }
        }
        Path config = dir.resolve("kontakt.yaml");
        Files.writeString(config, yaml);
        Map<String, String> env = TestKontakt.env(dir);
        env.put("KONTAKT_ONCALL_PHONES", ONCALL);
        MutableClock clock = new MutableClock(OffsetDateTime.parse("2026-11-23T08:00:00+01:00").toInstant());
        RecordingSender sender = new RecordingSender();
        var loaded = new ConfigLoader(env::get).load(config);
        Kontakt kontakt = Kontakt.create(loaded, MapDbStorage.open(loaded.store().dataDir()), env::get, clock,
                new Kontakt.Options(Map.of("sms", sender), null)).serve();
        return new Unit(kontakt, clock, sender, new TwilioRequests(kontakt.port()));
    }

    static List<Dialogue> corpus() throws IOException {
        List<Dialogue> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("dialogues-\\w+\\.yaml")).sorted().toList()) {
                for (JsonNode d : YamlReader.json(YamlReader.read(file.toString(), Files.readString(file)))) {
                    String language = d.path("language").asText();
                    String country = d.path("country").asText(switch (language) {
                        case "da" -> "DK";
                        case "sv" -> "SE";
                        default -> "NO";
                    });
                    all.add(new Dialogue(file.getFileName().toString(), d.path("name").asText(), language, country,
                            OffsetDateTime.parse(d.path("at").asText()), d.path("turns"), d.path("end"),
                            d.hasNonNull("known_failure") ? d.get("known_failure").asText() : null));
                }
            }
        }
        return all;
    }

    @Test
    void every_dialogue_says_what_it_must_and_nothing_it_must_not() throws IOException {
        List<Dialogue> corpus = corpus();
        Map<String, Integer> perLanguage = new TreeMap<>();
        Map<String, Integer> failedPerLanguage = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> known = new ArrayList<>();
        int n = 0;
        for (Dialogue d : corpus.stream().sorted(Comparator.comparing(Dialogue::country)
                .thenComparing(d -> d.at().toInstant())).toList()) {
            n++;
            List<String> problems = run(d, n);
            perLanguage.merge(d.language(), 1, Integer::sum);
            if (!problems.isEmpty()) {
                failedPerLanguage.merge(d.language(), 1, Integer::sum);
                if (d.knownFailure() == null) {
                    failures.add(d.file() + " \"" + d.name() + "\":\n    " + String.join("\n    ", problems));
                } else {
                    known.add(d.file() + " \"" + d.name() + "\" (known: " + d.knownFailure() + "): " + problems.get(0));
                }
            } else if (d.knownFailure() != null) {
                failures.add(d.file() + " \"" + d.name() + "\" passes now: remove its known_failure note");
            }
        }
        StringBuilder table = new StringBuilder("dialogue corpus: language passed/total\n");
        perLanguage.forEach((lang, total) -> table.append(String.format("  %s %3d/%3d%n", lang,
                total - failedPerLanguage.getOrDefault(lang, 0), total)));
        known.forEach(k -> table.append("  known failure: ").append(k).append('\n'));
        System.out.println(table);
        assertThat(failures).as("dialogues that failed").isEmpty();
        assertThat(corpus.size()).as("dialogues in the corpus").isGreaterThanOrEqualTo(80);
    }

    private List<String> run(Dialogue d, int n) {
        Unit unit = units.get(d.country());
        String prefix = switch (d.country()) {
            case "DK" -> "+4520";
            case "SE" -> "+46701";
            default -> "+479";
        };
        String from = prefix + String.format("%06d", 100000 + n);
        unit.clock().set(d.at().toInstant());
        unit.sender().drain();
        List<String> problems = new ArrayList<>();
        int t = 0;
        String lastBot = "";
        for (JsonNode turn : d.turns()) {
            t++;
            List<String> got;
            String label;
            if (turn.has("complete")) {
                label = "turn " + t + " (answering the contact questions)";
                got = complete(unit, from, turn.get("complete"), lastBot, problems, label);
                if (got == null) {
                    break;
                }
            } else if (turn.has("in")) {
                String in = turn.get("in").asText();
                label = "turn " + t + " ('" + in + "')";
                var response = unit.twilio().sms(from, in);
                if (response.statusCode() != 200) {
                    problems.add(label + ": HTTP " + response.statusCode() + " " + response.body());
                    break;
                }
                got = messages(response.body());
                unit.clock().advance(Duration.ofSeconds(20));
            } else {
                Duration silence = duration(turn.path("silence").asText("0m"));
                label = "turn " + t + " (silence " + turn.path("silence").asText() + ")";
                unit.clock().advance(silence);
                got = scheduled(unit, from);
            }
            String all = String.join("\n", got);
            if (!got.isEmpty()) {
                lastBot = got.get(got.size() - 1);
            }
            for (JsonNode must : turn.path("must")) {
                if (!Pattern.compile(must.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(all).find()) {
                    problems.add(label + ": must say /" + must.asText() + "/ but the bot sent " + shown(got));
                }
            }
            for (JsonNode mustNot : turn.path("must_not")) {
                if (Pattern.compile(mustNot.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(all).find()) {
                    problems.add(label + ": must not say /" + mustNot.asText() + "/ but the bot sent " + shown(got));
                }
            }
        }
        checkEnd(unit, from, d.end(), problems);
        return problems;
    }

    /**
     * A citizen who answers the contact questions as they come, whatever their order, until a contact request is
     * made: each bot question is read by what it asks for (name, topic, call or SMS, when, phone number) and
     * answered from {@code answers}; any other question gets {@code answers.other} (a plain "no").
     */
    private List<String> complete(Unit unit, String from, JsonNode answers, String lastBot, List<String> problems, String label) {
        List<String> all = new ArrayList<>();
        String question = lastBot;
        String id = unit.kontakt().conversations().conversationId("sms", from);
        for (int i = 0; i < 8; i++) {
            boolean made = unit.kontakt().stores().contactRequests().ofConversation(id).stream()
                    .anyMatch(r -> ContactRequest.OPEN.equals(r.status()));
            if (made) {
                return all;
            }
            String asked = question;
            String kind = QUESTIONS.entrySet().stream().filter(e -> e.getValue().matcher(asked).find()).map(Map.Entry::getKey)
                    .findFirst().orElse("other");
            String answer = answers.path(kind).asText(answers.path("other").asText("nei"));
            var response = unit.twilio().sms(from, answer);
            if (response.statusCode() != 200) {
                problems.add(label + ": HTTP " + response.statusCode() + " " + response.body());
                return null;
            }
            List<String> got = messages(response.body());
            all.addAll(got);
            unit.clock().advance(Duration.ofSeconds(20));
            if (got.isEmpty()) {
                break;
            }
            question = got.get(got.size() - 1);
        }
        problems.add(label + ": no contact request after answering every question; the bot said " + shown(all));
        return all;
    }

    /** What a contact question asks for, in the five languages (checked in this order). */
    private static final Map<String, Pattern> QUESTIONS = new LinkedHashMap<>();

    static {
        int f = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        QUESTIONS.put("phone", Pattern.compile("telefonnummer|phone number|mobilnummer|nummer (kan|skal)", f));
        QUESTIONS.put("channel", Pattern.compile("(ring|call|opkald).{0,60}(sms|text|besked|melding)|(sms|text|besked|melding).{0,60}(ring|call)", f));
        QUESTIONS.put("window", Pattern.compile("når passer|når passar|hvornår|när passar|when (would|does|is|can|should)|what time|hvilken tid|vilken tid|kva tid|hva tid", f));
        QUESTIONS.put("name", Pattern.compile("navn|namn|\\bname\\b|kalle deg|kaldes|kalder|kallar dig|kalla dig|call you\\b|fornavn|förnamn|førenamn", f));
        QUESTIONS.put("topic", Pattern.compile("snakke om|tale om|prata om|talk about|gjelder det|handler det|handlar det|what is it about|hva det gjelder", f));
    }

    /** Runs what the scheduler runs, now, and returns what was sent to this citizen meanwhile. */
    private static List<String> scheduled(Unit unit, String from) {
        Kontakt k = unit.kontakt();
        k.conversations().fireDueTimers();
        k.appointments().remindDue();
        k.feedback().sendDue();
        k.offers().runDue(unit.clock().instant());
        k.outbox().dispatchDue();
        return unit.sender().sent().stream().filter(m -> from.equals(m.to())).map(m -> m.body()).toList();
    }

    private static void checkEnd(Unit unit, String from, JsonNode end, List<String> problems) {
        if (end == null || end.isMissingNode() || end.isNull()) {
            return;
        }
        Kontakt k = unit.kontakt();
        String id = k.conversations().conversationId("sms", from);
        Conversation c = k.stores().conversations().find(id).orElse(null);
        if (end.has("urgent") && end.get("urgent").asBoolean() != (c != null && c.urgent())) {
            problems.add("at the end: urgent should be " + end.get("urgent").asBoolean());
        }
        List<ContactRequest> open = k.stores().contactRequests().ofConversation(id).stream()
                .filter(r -> ContactRequest.OPEN.equals(r.status())).toList();
        if (end.has("contact_requests") && end.get("contact_requests").asInt() != open.size()) {
            problems.add("at the end: open contact requests should be " + end.get("contact_requests").asInt() + " but are " + open.size());
        }
        JsonNode request = end.path("request");
        if (!request.isMissingNode()) {
            if (open.isEmpty()) {
                problems.add("at the end: expected an open contact request, there is none");
            } else {
                ContactRequest r = open.get(open.size() - 1);
                check(problems, "request channel", request.path("channel"), r.channel());
                check(problems, "request name", request.path("name"), r.name());
                check(problems, "request topic", request.path("topic"), r.topic());
                check(problems, "request window", request.path("window"), r.window());
                check(problems, "request window words", request.path("window_text"), r.windowText());
                if (request.has("urgent") && request.get("urgent").asBoolean() != r.urgent()) {
                    problems.add("at the end: request urgent should be " + request.get("urgent").asBoolean());
                }
            }
        }
        if (end.has("opted_out")) {
            boolean optedOut = c != null && c.session() != null && c.session().path("optedOut").asBoolean(false);
            if (optedOut != end.get("opted_out").asBoolean()) {
                problems.add("at the end: opted out should be " + end.get("opted_out").asBoolean());
            }
        }
        if (end.has("alerted")) {
            // alerts are coalesced per on-call phone: let the interval pass and send what was counted
            unit.clock().advance(Duration.ofMinutes(11));
            k.flushAlerts();
            k.outbox().dispatchDue();
            boolean alerted = unit.sender().sent().stream().anyMatch(m -> ONCALL.equals(m.to()));
            if (end.get("alerted").asBoolean() && !alerted) {
                problems.add("at the end: the on-call phone should have had an alert");
            }
        }
    }

    /** A value is a regular expression the stored field must match whole; "" matches an empty or absent value. */
    private static void check(List<String> problems, String what, JsonNode expected, String actual) {
        if (expected.isMissingNode()) {
            return;
        }
        String value = actual == null ? "" : actual;
        if (!Pattern.compile(expected.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL).matcher(value).matches()) {
            problems.add("at the end: " + what + " should match /" + expected.asText() + "/ but is '" + value + "'");
        }
    }

    private static final Pattern MESSAGE = Pattern.compile("<Message[^>]*>(.*?)</Message>", Pattern.DOTALL);

    static List<String> messages(String twiml) {
        List<String> out = new ArrayList<>();
        Matcher m = MESSAGE.matcher(twiml);
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&"));
        }
        return out;
    }

    private static String shown(List<String> got) {
        String all = String.join(" | ", got).replace("\n", " / ");
        return all.length() > 400 ? all.substring(0, 400) + "…" : all;
    }

    static Duration duration(String text) {
        String t = text.strip();
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("a silence is like 30m, 2h or 45s: " + text);
        };
    }
}
