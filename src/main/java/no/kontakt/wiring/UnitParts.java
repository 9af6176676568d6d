package no.kontakt.wiring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigException;
import no.kontakt.config.UnitConfig;
import no.kontakt.conversation.Actions;
import no.kontakt.flow.Compiler;
import no.kontakt.flow.Engine;
import no.kontakt.flow.IntentClassifier;
import no.kontakt.flow.Library;
import no.kontakt.hours.Hours;
import no.kontakt.inbox.OnCallAlerts;
import no.kontakt.offers.CatalogueLoader;
import no.kontakt.offers.Offers;
import no.kontakt.store.Batch;
import no.kontakt.store.Stores;

/**
 * What one more unit of the deployment runs on the shared store: its own hours, on-call alerts, offers (its catalogue,
 * or the default unit's when it names none) and scripts (its folder, compiled at start, or the shared ones), with its
 * name and emergency numbers in the texts.
 *
 * @param library the unit's own scripts, or null when it runs the shared ones
 */
record UnitParts(String id, AppConfig config, Hours office, Hours ambulant, OnCallAlerts alerts, Offers offers, Library library) {

    /** The unit {@code unit} of {@code top}, its offers shared with {@code shared} unless it has a catalogue of its own. */
    static UnitParts build(AppConfig top, UnitConfig unit, Stores stores, Offers shared) {
        AppConfig config = top.forUnit(unit.id());
        AppConfig.Unit u = config.unit();
        Hours office = new Hours(config.office().hours().toOpeningHours(u.timeZone(), u.country()));
        Hours ambulant = new Hours(config.ambulant().hours().toOpeningHours(u.timeZone(), u.country()));
        OnCallAlerts alerts = new OnCallAlerts(stores.outbox(), ambulant, config.ambulant().oncall(),
                Duration.ofMinutes(config.ambulant().alertIntervalMinutes()));
        Offers offers = unit.offers() == null ? shared : new Offers(CatalogueLoader.load(config.offers().catalogue(), u.timeZone(), u.languages()),
                Services.offerRoles(stores), config.offers());
        UnitParts parts = new UnitParts(unit.id(), config, office, ambulant, alerts, offers, null);
        return unit.conversations() == null ? parts : new UnitParts(unit.id(), config, office, ambulant, alerts, offers,
                scripts(config, parts.actions(stores), unit.conversations().dir()));
    }

    /** The unit's own scripts; any error stops start-up, listed with its file and line. */
    private static Library scripts(AppConfig config, Actions actions, Path dir) {
        Compiler.Result result = Services.compiler(config, actions).compile(dir);
        if (!result.errors().isEmpty()) {
            throw new ConfigException("units." + config.unit().id() + ".conversations.dir", "the unit's scripts have errors:\n"
                    + result.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
        return result.library();
    }

    Actions actions(Stores stores) {
        return Services.actions(config, stores, office, ambulant, alerts, offers);
    }

    /** The unit's engine: its own scripts, or {@code shared} (the live scripts everyone else runs). */
    Engine engine(Library shared, IntentClassifier intents) {
        return new Engine(library == null ? shared : library, intents, Services.context(config), config.unit().defaultLanguage());
    }

    /** Sends the on-call alerts that waited for their interval, and the offers' due work when the unit has its own. */
    /** Flushes this unit's on-call alerts (counted in this instance's memory) and runs its own offers' due work on one instance. */
    int tick(Stores stores, Offers shared, Clock clock, java.util.function.BiPredicate<String, Runnable> exclusive) {
        Batch batch = new Batch();
        int staged = alerts.flush(batch, clock.instant());
        if (staged > 0) {
            stores.commit(batch);
        }
        if (offers != shared) {
            exclusive.test("offers:" + id(), () -> offers.runDue(clock.instant()));
        }
        return staged;
    }
}
