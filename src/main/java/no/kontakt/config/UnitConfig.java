package no.kontakt.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One more unit in the same deployment (an entry of {@code units:}): its {@code id} (a short slug such as {@code vest}),
 * the Twilio {@code numbers} whose messages it answers (E.164 {@code To} numbers and/or messaging service SIDs), and what
 * it does differently from the top-level unit. A name, country, time zone or languages left out are the top-level
 * unit's; a section ({@code office}, {@code ambulant}, {@code emergency}, {@code offers}, {@code conversations}) given
 * here replaces the top-level one whole, and one left out is the top-level one (the emergency numbers of another country
 * are that country's defaults).
 */
public record UnitConfig(String id, List<String> numbers, String name, Map<String, String> names, String country, ZoneId timeZone,
                         List<String> languages, String defaultLanguage, AppConfig.Office office, AppConfig.Ambulant ambulant,
                         AppConfig.Emergency emergency, AppConfig.Offers offers, AppConfig.Conversations conversations) {
    /** A unit id: lower-case letters, digits and '_', starting with a letter (it is part of the unit's conversation ids). */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,23}");
    static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}");

    public UnitConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw ConfigException.at("id", "must be a short slug: lower-case letters, digits and _, starting with a letter (was '" + id + "')");
        }
        numbers = numbers == null ? List.of() : List.copyOf(numbers.stream().map(n -> n == null ? "" : n.strip()).toList());
        if (numbers.isEmpty()) {
            throw ConfigException.at("numbers", "list the Twilio numbers (E.164, such as +4759440001) or messaging service SIDs (MG…) of unit "
                    + id + ": its messages are told apart by the number they were sent to");
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (!NUMBER.matcher(numbers.get(i)).matches()) {
                throw ConfigException.at("numbers[" + i + "]", "must be an E.164 number such as +4759440001 or a messaging service SID (was '"
                        + numbers.get(i) + "')");
            }
        }
        names = names == null ? Map.of() : Map.copyOf(names);
        if (country != null) {
            Check.oneOf("country", country, List.of("NO", "DK", "SE"));
        }
        languages = languages == null ? null : List.copyOf(languages);
        if (languages != null) {
            if (languages.isEmpty()) {
                throw ConfigException.at("languages", "must list at least one language");
            }
            for (int i = 0; i < languages.size(); i++) {
                Check.oneOf("languages[" + i + "]", languages.get(i), List.of("nb", "nn", "da", "sv", "en"));
            }
        }
        if (defaultLanguage != null && languages != null) {
            Check.oneOf("default_language", defaultLanguage, languages);
        }
    }

    /** The number replies and notices go out from: the first one listed. */
    public String fromNumber() {
        return numbers.get(0);
    }

    /** This unit's whole configuration: the top-level one with this unit's parts in place of the top-level unit's. */
    AppConfig resolve(AppConfig top) {
        AppConfig.Unit base = top.unit();
        String c = country == null ? base.country() : country;
        List<String> langs = languages == null ? base.languages() : languages;
        String defaultLang = defaultLanguage != null ? defaultLanguage
                : languages == null || languages.contains(base.defaultLanguage()) ? base.defaultLanguage() : languages.get(0);
        try {
            Check.oneOf("default_language", defaultLang, langs);
        } catch (ConfigException e) {
            throw ConfigException.at("default_language", "the top-level unit's default language is not among this unit's languages; set one");
        }
        AppConfig.Unit unit = new AppConfig.Unit(name == null ? base.name() : name, c, timeZone == null ? base.timeZone() : timeZone, langs,
                defaultLang, name == null ? base.names() : names, id);
        AppConfig.Emergency sos = emergency != null || !c.equals(base.country()) ? AppConfig.Emergency.forCountry(c, emergency) : top.emergency();
        AppConfig.Twilio twilio = new AppConfig.Twilio(top.twilio().accountSid(), top.twilio().authToken(), fromNumber(), top.twilio().statusCallbacks());
        return new AppConfig(top.server(), top.store(), twilio, unit, sos, office == null ? top.office() : office,
                ambulant == null ? top.ambulant() : ambulant, conversations == null ? top.conversations() : conversations,
                offers == null ? top.offers() : offers, top.retention(), top.signIn(), List.of());
    }
}
