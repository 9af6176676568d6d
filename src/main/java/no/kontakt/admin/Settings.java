package no.kontakt.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigException;
import no.kontakt.config.ConfigLoader;
import no.kontakt.config.HoursConfig;
import no.kontakt.config.SafetySettings;
import no.kontakt.inbox.Staff;
import no.kontakt.offers.CatalogueLoader;
import no.kontakt.store.AuditEntry;
import no.kontakt.store.Batch;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.ScriptVersion;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.AuditLog;
import no.kontakt.store.UnitOfWork;

/**
 * What the coordinator edits besides scripts, while Kontakt runs: the office hours, the ambulant team's hours,
 * the emergency numbers and the offers catalogue. Each is YAML, validated like the configuration file, kept
 * as versions (seeded from {@code config/} on first start, and again whenever the file's content changes),
 * effective at once, and readable back as YAML.
 */
public final class Settings {
    public static final List<String> NAMES = List.of("office_hours", "ambulant_hours", "emergency", "offers");
    private static final String PREFIX = "settings.";

    private final AppConfig config;
    private final ScriptStore scriptStore;
    private final AuditLog auditLog;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Map<String, Consumer<Object>> appliers = new LinkedHashMap<>();
    /** The version of each setting in force here: what {@link #reload} compares with the store. */
    private final Map<String, Integer> applied = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Runnable onStored = () -> { };

    public Settings(AppConfig config, ScriptStore scriptStore, AuditLog auditLog, UnitOfWork unitOfWork, Clock clock) {
        this.config = config;
        this.scriptStore = scriptStore;
        this.auditLog = auditLog;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Where a setting goes when it changes (the holder of the hours, the engine's context, the catalogue). */
    public void onChange(String name, Consumer<Object> applier) {
        appliers.put(name, applier);
    }

    /** What to do once a change is stored and in force here (tell the other instances). */
    public void onStored(Runnable then) {
        this.onStored = then;
    }

    /**
     * Puts in force the settings another instance changed since this one last looked (newer versions in the store);
     * returns their names. A stored version that does not read is logged and left (this instance keeps the one it has).
     */
    public synchronized List<String> reload() {
        List<String> changed = new ArrayList<>();
        for (String name : NAMES) {
            Optional<ScriptVersion> latest = scriptStore.latest(PREFIX + name);
            if (latest.isEmpty() || latest.get().version() == applied.getOrDefault(name, -1)) {
                continue;
            }
            Object value = parse(name, latest.get().yaml());
            if (value instanceof Refusal r) {
                org.slf4j.LoggerFactory.getLogger(Settings.class).error("stored setting not valid, kept the one in force name={} version={} errors={}",
                        name, latest.get().version(), r.errors());
            } else {
                apply(name, value);
                changed.add(name);
            }
            applied.put(name, latest.get().version());
        }
        return changed;
    }

    /** The refusal of an edit: what is wrong, located by key path or line, and the same at lines of the YAML. */
    public record Refusal(List<String> errors, List<Located> located) {}

    /** One problem of an edit at its line and column (1-based); {@code text} is the full message with its key path or file. */
    public record Located(String severity, int line, int column, String message, String text) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isError() {
            return "error".equals(severity);
        }
    }

    /** Seeds each setting from config where it changed, then applies the newest version of each. */
    public void bootstrap() {
        Batch batch = new Batch();
        ScriptStore store = scriptStore;
        for (String name : NAMES) {
            String fromConfig = fromConfig(name);
            String hash = Integer.toHexString(fromConfig.hashCode());
            String lastSeed = store.versions(PREFIX + name).stream().filter(v -> v.fileHash() != null)
                    .reduce((a, b) -> b).map(ScriptVersion::fileHash).orElse(null);
            if (!hash.equals(lastSeed)) {
                int next = store.latest(PREFIX + name).map(v -> v.version() + 1).orElse(1);
                store.publish(batch, new ScriptVersion(PREFIX + name, next, fromConfig, "config", clock.instant(), hash));
            }
        }
        unitOfWork.commit(batch);
        for (String name : NAMES) {
            String yaml = yaml(name).orElseThrow();
            Object value = parse(name, yaml);
            if (value instanceof Refusal r) {
                throw new IllegalStateException("the stored " + name + " is not valid: " + r.errors());
            }
            apply(name, value);
            applied.put(name, scriptStore.latest(PREFIX + name).orElseThrow().version());
        }
    }

    public Optional<String> yaml(String name) {
        return scriptStore.latest(PREFIX + name).map(ScriptVersion::yaml);
    }

    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : NAMES) {
            scriptStore.latest(PREFIX + name).ifPresent(v -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("version", v.version());
                row.put("changedBy", v.publishedBy());
                row.put("changedAt", v.publishedAt());
                out.add(row);
            });
        }
        return out;
    }

    /** Validates and, when valid, stores and applies a new version; returns its number or a {@link Refusal}. */
    public synchronized Object put(String name, String yaml, Staff staff) {
        if (!NAMES.contains(name)) {
            throw new java.util.NoSuchElementException("There is no setting " + name + " (known: " + String.join(", ", NAMES) + ").");
        }
        Object value = parse(name, yaml);
        if (value instanceof Refusal) {
            return value;
        }
        int next = scriptStore.latest(PREFIX + name).map(v -> v.version() + 1).orElse(1);
        Batch batch = new Batch();
        scriptStore.publish(batch, new ScriptVersion(PREFIX + name, next, yaml, staff.username(), clock.instant(), null));
        auditLog.audit(batch, new AuditEntry(clock.instant(), staff.username(), staff.role(), "setting", null, name + " v" + next));
        unitOfWork.commit(batch);
        apply(name, value);
        applied.put(name, next);
        onStored.run();
        return Map.of("name", name, "version", next);
    }

    private void apply(String name, Object value) {
        Consumer<Object> applier = appliers.get(name);
        if (applier != null) {
            applier.accept(value);
        }
    }

    private Object parse(String name, String yaml) {
        List<Located> problems = new ArrayList<>();
        Object value = read(name, yaml, problems);
        List<Located> errors = problems.stream().filter(Located::isError).toList();
        return errors.isEmpty() ? value : new Refusal(errors.stream().map(Located::text).toList(), errors);
    }

    /** Every error and warning of an edit, each at its line, without storing anything: for checking as one types. */
    public List<Located> check(String name, String yaml) {
        if (!NAMES.contains(name)) {
            throw new java.util.NoSuchElementException("There is no setting " + name + " (known: " + String.join(", ", NAMES) + ").");
        }
        List<Located> problems = new ArrayList<>();
        read(name, yaml, problems);
        return problems;
    }

    private Object read(String name, String yaml, List<Located> problems) {
        try {
            return switch (name) {
                case "office_hours" -> ConfigLoader.section(yaml, HoursConfig.class, name)
                        .toOpeningHours(config.unit().timeZone(), config.unit().country());
                case "ambulant_hours" -> {
                    HoursConfig hours = ConfigLoader.section(yaml, HoursConfig.class, name);
                    safety(name, () -> SafetySettings.ambulantHours(hours)); // no empty hours without closed: true
                    yield hours.toOpeningHours(config.unit().timeZone(), config.unit().country());
                }
                case "emergency" -> {
                    AppConfig.Emergency emergency = AppConfig.Emergency.forCountry(config.unit().country(),
                            ConfigLoader.section(yaml, AppConfig.Emergency.class, name));
                    safety(name, () -> SafetySettings.emergency(emergency)); // real numbers in every safety text
                    yield emergency;
                }
                default -> {
                    CatalogueLoader.Result result = CatalogueLoader.read(config.offers().catalogue().toString(), yaml,
                            config.unit().timeZone(), config.unit().languages());
                    result.problems().forEach(p -> problems.add(new Located(p.isError() ? "error" : "warning", Math.max(1, p.location().line()),
                            Math.max(1, p.location().column()), p.message(), p.toString())));
                    yield result.catalogue();
                }
            };
        } catch (ConfigException e) {
            String key = e.key().startsWith(name + ": ") ? e.key().substring(name.length() + 2) : e.key();
            int[] at = locate(yaml, name, key);
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("\\(line (\\d+)\\)").matcher(e.getMessage());
            if (key.isEmpty() && line.find()) {
                at = new int[] {Integer.parseInt(line.group(1)), 1};
            }
            String message = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2) : e.getMessage();
            problems.add(new Located("error", at[0], at[1], (key.isEmpty() ? "" : key + ": ") + message, e.getMessage()));
        } catch (RuntimeException e) {
            problems.add(new Located("error", 1, 1, e.getMessage(), name + ": " + e.getMessage()));
        }
        return null;
    }

    /** {line, column} where the key path (like {@code periods[1].from}) is written, or of its deepest part written. */
    private static int[] locate(String yaml, String name, String key) {
        try {
            var at = no.kontakt.yaml.YamlReader.locate(no.kontakt.yaml.YamlReader.read(name, yaml), name, key);
            return new int[] {at.line(), at.column()};
        } catch (no.kontakt.yaml.YamlException e) {
            return new int[] {1, 1};
        }
    }

    /** The safety net's own checks, their keys located in the edited setting like the binder's. */
    private static void safety(String name, Runnable check) {
        try {
            check.run();
        } catch (ConfigException e) {
            String message = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2) : e.getMessage();
            throw new ConfigException(name + ": " + e.key(), message);
        }
    }

    private String fromConfig(String name) {
        try {
            return switch (name) {
                case "office_hours" -> SettingsYaml.hours(config.office().hours());
                case "ambulant_hours" -> SettingsYaml.hours(config.ambulant().hours());
                case "emergency" -> SettingsYaml.emergency(config.emergency());
                default -> Files.readString(config.offers().catalogue());
            };
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + config.offers().catalogue() + ": " + e.getMessage(), e);
        }
    }
}
