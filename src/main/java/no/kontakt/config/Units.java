package no.kontakt.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks across the {@code units:} list: ids and numbers each belong to one unit, and every unit resolves. */
final class Units {
    private Units() {}

    static void check(AppConfig top, List<UnitConfig> units) {
        Map<String, String> ids = new HashMap<>(Map.of(top.unit().id(), "unit.id"));
        Map<String, String> numbers = new HashMap<>();
        if (top.twilio().fromNumber() != null) {
            numbers.put(top.twilio().fromNumber(), "twilio.from_number");
        }
        for (int i = 0; i < units.size(); i++) {
            UnitConfig unit = units.get(i);
            String at = "units[" + i + "]";
            String taken = ids.putIfAbsent(unit.id(), at + ".id");
            if (taken != null) {
                throw ConfigException.at(at + ".id", "'" + unit.id() + "' is already the id at " + taken + "; each unit needs its own id");
            }
            for (int n = 0; n < unit.numbers().size(); n++) {
                String number = unit.numbers().get(n);
                String claimed = numbers.putIfAbsent(number, at + ".numbers[" + n + "]");
                if (claimed != null) {
                    throw ConfigException.at(at + ".numbers[" + n + "]", number + " is claimed by " + claimed + " too; a number belongs to one unit");
                }
            }
            try {
                unit.resolve(top);
            } catch (ConfigException e) {
                String message = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2) : e.getMessage();
                throw ConfigException.at(at + "." + e.key(), message);
            }
        }
    }
}
