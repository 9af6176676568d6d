package no.kontakt.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole configuration, bound from {@code config/kontakt.yaml}. Every record validates itself and
 * fills its defaults here, so defaults live in one place; each component receives only its own slice.
 */
public record AppConfig(Server server, Store store, Twilio twilio, Unit unit, Emergency emergency, Office office, Ambulant ambulant,
                        Conversations conversations, Offers offers, Retention retention, SignIn signIn, List<UnitConfig> units) {

    public AppConfig(Server server, Store store, Twilio twilio, Unit unit, Emergency emergency, Office office, Ambulant ambulant,
                     Conversations conversations, Offers offers, Retention retention) {
        this(server, store, twilio, unit, emergency, office, ambulant, conversations, offers, retention, null);
    }

    public AppConfig(Server server, Store store, Twilio twilio, Unit unit, Emergency emergency, Office office, Ambulant ambulant,
                     Conversations conversations, Offers offers, Retention retention, SignIn signIn) {
        this(server, store, twilio, unit, emergency, office, ambulant, conversations, offers, retention, signIn, null);
    }

    public static final Set<String> SUPPORTED_LANGUAGES = Set.of("nb", "nn", "da", "sv", "en");

    public AppConfig {
        server = Check.orDefault(server, new Server(null, null, null, null, null, null, null));
        store = Check.orDefault(store, new Store(null, null));
        twilio = Check.orDefault(twilio, new Twilio(null, null, null, null));
        unit = Check.orDefault(unit, new Unit(null, null, null, null, null));
        emergency = Emergency.forCountry(unit.country(), emergency);
        office = Check.orDefault(office, new Office(null, null));
        ambulant = Check.orDefault(ambulant, new Ambulant(null, null, null, null, null));
        conversations = Check.orDefault(conversations, new Conversations(null));
        offers = Check.orDefault(offers, new Offers(null, null, null, null));
        retention = Check.orDefault(retention, new Retention(null, null));
        signIn = Check.orDefault(signIn, new SignIn(null, null, null));
        units = List.copyOf(Check.orDefault(units, List.of()));
        if (!units.isEmpty()) { // each unit is resolved against the top level (a unit-less copy: this one is not built yet)
            Units.check(new AppConfig(server, store, twilio, unit, emergency, office, ambulant, conversations, offers, retention, signIn, List.of()), units);
        }
    }

    /** The unit {@code id}'s whole configuration (the top-level one for the default unit's id). */
    public AppConfig forUnit(String id) {
        return unit.id().equals(id) ? this : units.stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + id)).resolve(this);
    }

    /**
     * The emergency numbers every safety text gives, for the unit's country. Defaults: NO 113, legevakt
     * 116 117, Mental Helse 116 123; DK 112, Livslinien 70 201 201; SE 112, 1177, Mind 90101. Police: 112
     * everywhere (in DK and SE also the general emergency number). Violence in close relationships:
     * NO Vold- og overgrepslinjen 116 006, DK Lev Uden Vold 1888, SE Kvinnofridslinjen 020-50 50 50.
     * The Danish lægevagt depends on the region: {@code region: hovedstaden} gives 1813; any other region
     * must write its number in {@code medical_number}, and DK without either stops start-up (no wrong default).
     * {@code last_checked} is when someone last verified them.
     */
    public record Emergency(String emergencyNumber, String medicalNumber, String crisisLine, String crisisLineName, java.time.LocalDate lastChecked,
                            String policeNumber, String crisisCentre, String crisisCentreName, String region) {
        /** The Danish regions; only the capital region's lægevagt number (1813) is known here, the others are set in config. */
        public static final Map<String, String> DK_REGIONS = Map.of("hovedstaden", "1813", "sjaelland", "", "syddanmark", "",
                "midtjylland", "", "nordjylland", "");

        public Emergency(String emergencyNumber, String medicalNumber, String crisisLine, String crisisLineName, java.time.LocalDate lastChecked) {
            this(emergencyNumber, medicalNumber, crisisLine, crisisLineName, lastChecked, null, null, null, null);
        }

        public static Emergency forCountry(String country, Emergency given) {
            java.time.LocalDate checked = java.time.LocalDate.of(2026, 11, 1);
            Emergency d = switch (country) {
                case "DK" -> new Emergency("112", null, "70 201 201", "Livslinien", checked, "112", "1888", "Lev Uden Vold", null);
                case "SE" -> new Emergency("112", "1177", "90101", "Mind Självmordslinjen", checked, "112", "020-50 50 50", "Kvinnofridslinjen", null);
                default -> new Emergency("113", "116 117", "116 123", "Mental Helse", checked, "112", "116 006", "Vold- og overgrepslinjen", null);
            };
            Emergency g = given == null ? new Emergency(null, null, null, null, null) : given;
            String region = g.region == null || g.region.isBlank() ? null : g.region.strip().toLowerCase(java.util.Locale.ROOT);
            String medical = Check.orDefault(g.medicalNumber, d.medicalNumber);
            if ("DK".equals(country)) {
                if (region != null && !DK_REGIONS.containsKey(region)) {
                    throw ConfigException.at("emergency.region", "'" + g.region + "' is not a Danish region (known: "
                            + String.join(", ", new java.util.TreeSet<>(DK_REGIONS.keySet())) + ")");
                }
                if (medical == null || medical.isBlank()) {
                    medical = region == null ? null : DK_REGIONS.get(region);
                }
                if (medical == null || medical.isBlank()) {
                    throw ConfigException.at(region == null ? "emergency.region" : "emergency.medical_number",
                            "the lægevagt number depends on the region (1813 is Region Hovedstaden only): "
                                    + (region == null ? "set emergency.region (hovedstaden, sjaelland, syddanmark, midtjylland, nordjylland)"
                                    + " and, outside hovedstaden, emergency.medical_number" : "write Region " + region + "'s number in emergency.medical_number"));
                }
            }
            return new Emergency(Check.orDefault(g.emergencyNumber, d.emergencyNumber), medical,
                    Check.orDefault(g.crisisLine, d.crisisLine), Check.orDefault(g.crisisLineName, d.crisisLineName),
                    Check.orDefault(g.lastChecked, d.lastChecked), Check.orDefault(g.policeNumber, d.policeNumber),
                    Check.orDefault(g.crisisCentre, d.crisisCentre), Check.orDefault(g.crisisCentreName, d.crisisCentreName), region);
        }

        /** The values texts use as {@code {{emergency_number}}}, {@code {{medical_number}}}, {@code {{police_number}}}, … */
        public Map<String, String> placeholders() {
            return Map.of("emergency_number", emergencyNumber, "medical_number", medicalNumber,
                    "crisis_line", crisisLine, "crisis_line_name", crisisLineName, "police_number", policeNumber,
                    "crisis_centre", crisisCentre, "crisis_centre_name", crisisCentreName);
        }
    }

    /**
     * HTTP server. {@code public_url} is the base URL Twilio calls; signatures are computed over it.
     * {@code embed_origins} are the sites that may show {@code /chat} in a frame (CSP {@code frame-ancestors});
     * every other page can never be framed. {@code trusted_proxies} are the addresses (CIDRs) whose
     * {@code X-Forwarded-*} headers are believed; {@code limits} are the requests a minute per client address of
     * each route class; {@code connections} bound what one client can hold open.
     */
    public record Server(Integer port, URI publicUrl, Integer maxRequestBytes, List<String> embedOrigins,
                         @com.fasterxml.jackson.annotation.JsonFormat(with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                         List<String> trustedProxies, Limits limits, Connections connections) {
        private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile(
                "(https://(\\*\\.)?|http://(?=(localhost|127\\.0\\.0\\.1)(:|$)))[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

        public Server {
            port = Check.between("port", Check.orDefault(port, 7070), 0, 65535);
            publicUrl = Check.orDefault(publicUrl, URI.create("http://localhost:" + port));
            if (publicUrl.getScheme() == null || publicUrl.getHost() == null
                    || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))) {
                throw ConfigException.at("public_url", "must be an absolute http(s) URL (was '" + publicUrl + "')");
            }
            maxRequestBytes = Check.between("max_request_bytes", Check.orDefault(maxRequestBytes, 65_536), 1_024, 10_485_760);
            embedOrigins = List.copyOf(Check.orDefault(embedOrigins, List.of()));
            for (int i = 0; i < embedOrigins.size(); i++) {
                String origin = embedOrigins.get(i);
                if (origin == null || !ORIGIN.matcher(origin).matches()) {
                    throw ConfigException.at("embed_origins[" + i + "]", "must be a site's origin like https://www.kommune.no or "
                            + "https://*.kommune.no: https, a lower-case host, an optional port, no path (was '" + origin + "')");
                }
            }
            trustedProxies = Check.orDefault(trustedProxies, List.<String>of()).stream().filter(java.util.Objects::nonNull)
                    .flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip).filter(p -> !p.isEmpty()).toList();
            for (int i = 0; i < trustedProxies.size(); i++) {
                if (!Cidr.valid(trustedProxies.get(i))) {
                    throw ConfigException.at("trusted_proxies[" + i + "]", "must be an IP address or a CIDR block like 10.0.0.0/8 or "
                            + "fd00::/8 (was '" + trustedProxies.get(i) + "')");
                }
            }
            limits = Check.orDefault(limits, new Limits(null, null, null, null, null, null));
            connections = Check.orDefault(connections, new Connections(null, null, null, null, null, null, null, null, null));
        }

        /** The public URL without a trailing slash, ready to have a path appended. */
        public String publicBase() {
            String s = publicUrl.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /**
     * Requests a minute from one client address, per route class; 0 switches that limit off. Beyond a limit the
     * answer is 429 with {@code Retry-After}.
     */
    public record Limits(Integer webhook, Integer unsigned, Integer chatOpen, Integer chat, Integer login, Integer staff) {
        public Limits {
            webhook = Check.between("webhook", Check.orDefault(webhook, 120_000), 0, 10_000_000);
            unsigned = Check.between("unsigned", Check.orDefault(unsigned, 60), 0, 10_000_000);
            chatOpen = Check.between("chat_open", Check.orDefault(chatOpen, 30), 0, 10_000_000);
            chat = Check.between("chat", Check.orDefault(chat, 60), 0, 10_000_000);
            login = Check.between("login", Check.orDefault(login, 30), 0, 10_000_000);
            staff = Check.between("staff", Check.orDefault(staff, 1200), 0, 10_000_000);
        }
    }

    /**
     * What one client may hold open. {@code max}: connections in all (beyond it new ones wait to be accepted);
     * {@code per_address}: open connections from one address (trusted proxies exempt; 0: no limit);
     * {@code body_timeout_seconds}: a request body is read in full, without holding a thread, and must arrive within
     * this plus one second per {@code min_body_bytes_per_second} of its length, or the request gets 408 (0 switches
     * this off: bodies are then read by the thread that handles the request); {@code header_timeout_seconds}: a new
     * connection must send its first request header within this; {@code idle_timeout_seconds}: a connection with
     * nothing to say is closed; {@code max_header_bytes}: larger request headers get 431; {@code streams_per_address}:
     * open web chat streams (server-sent events) from one client address (0: no limit); {@code max_streams}: open
     * streams in all, checked last.
     */
    public record Connections(Integer max, Integer perAddress, Integer bodyTimeoutSeconds, Integer minBodyBytesPerSecond,
                              Integer headerTimeoutSeconds, Integer idleTimeoutSeconds, Integer maxHeaderBytes, Integer streamsPerAddress,
                              Integer maxStreams) {
        public Connections {
            max = Check.between("max", Check.orDefault(max, 10_000), 1, 1_000_000);
            perAddress = Check.between("per_address", Check.orDefault(perAddress, 256), 0, 1_000_000);
            bodyTimeoutSeconds = Check.between("body_timeout_seconds", Check.orDefault(bodyTimeoutSeconds, 10), 0, 3600);
            minBodyBytesPerSecond = Check.between("min_body_bytes_per_second", Check.orDefault(minBodyBytesPerSecond, 1024), 1, 100_000_000);
            headerTimeoutSeconds = Check.between("header_timeout_seconds", Check.orDefault(headerTimeoutSeconds, 10), 0, 3600);
            idleTimeoutSeconds = Check.between("idle_timeout_seconds", Check.orDefault(idleTimeoutSeconds, 30), 1, 3600);
            maxHeaderBytes = Check.between("max_header_bytes", Check.orDefault(maxHeaderBytes, 8192), 1024, 1_048_576);
            streamsPerAddress = Check.between("streams_per_address", Check.orDefault(streamsPerAddress, 20), 0, 1_000_000);
            maxStreams = Check.between("max_streams", Check.orDefault(maxStreams, 2000), 1, 1_000_000);
        }
    }

    /** The embedded MapDB store. {@code commit_max_batch} bounds how many writes share one commit. */
    public record Store(Path dataDir, Integer commitMaxBatch) {
        public Store {
            dataDir = Check.orDefault(dataDir, Path.of("data"));
            commitMaxBatch = Check.between("commit_max_batch", Check.orDefault(commitMaxBatch, 512), 1, 100_000);
        }
    }

    /**
     * Twilio. The account SID and auth token come only from the environment; without them Kontakt logs
     * outgoing SMS instead of sending them and accepts unsigned webhooks (development).
     */
    public record Twilio(String accountSid, String authToken, String fromNumber, Boolean statusCallbacks) {
        public Twilio {
            accountSid = blankToNull(accountSid);
            authToken = blankToNull(authToken);
            fromNumber = blankToNull(fromNumber);
            statusCallbacks = Check.orDefault(statusCallbacks, true);
            if (accountSid != null && !accountSid.matches("AC[0-9a-fA-F]{32}")) {
                throw ConfigException.at("account_sid", "must look like AC followed by 32 hex digits");
            }
            if (accountSid != null && authToken == null) {
                throw ConfigException.at("auth_token", "must be set when the account SID is (KONTAKT_TWILIO_AUTH_TOKEN)");
            }
            if (fromNumber != null && !fromNumber.matches("\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}")) {
                throw ConfigException.at("from_number", "must be an E.164 number such as +4790000000 or a messaging service SID (was '" + fromNumber + "')");
            }
        }

        public boolean sendsForReal() {
            return accountSid != null && authToken != null;
        }

        /** Redacts the secrets so the record can be logged. */
        @Override
        public String toString() {
            return "Twilio[accountSid=" + (accountSid == null ? "unset" : "set") + ", authToken="
                    + (authToken == null ? "unset" : "set") + ", fromNumber=" + fromNumber + "]";
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /**
     * The unit: its name, country (public holidays, emergency numbers), time zone and languages. {@code names}: the
     * name per language ({@code name: {nb: …, en: …}} in the file; a plain {@code name} is every language's). {@code id}
     * names it where there are several units ({@code default} unless set).
     */
    public record Unit(String name, String country, ZoneId timeZone, List<String> languages, String defaultLanguage,
                       java.util.Map<String, String> names, String id) {
        public Unit(String name, String country, ZoneId timeZone, List<String> languages, String defaultLanguage) {
            this(name, country, timeZone, languages, defaultLanguage, null);
        }

        public Unit(String name, String country, ZoneId timeZone, List<String> languages, String defaultLanguage,
                    java.util.Map<String, String> names) {
            this(name, country, timeZone, languages, defaultLanguage, names, null);
        }

        /** The unit's name in {@code language}, or its one name. */
        public String name(String language) {
            return names.getOrDefault(language, name);
        }

        public Unit {
            names = names == null ? java.util.Map.of() : java.util.Map.copyOf(names);
            id = Check.orDefault(id, "default");
            if (!UnitConfig.ID.matcher(id).matches()) {
                throw ConfigException.at("id", "must be a short slug: lower-case letters, digits and _, starting with a letter (was '" + id + "')");
            }
            name = Check.orDefault(name, "Psykisk helse og rus");
            country = Check.orDefault(country, "NO");
            Check.oneOf("country", country, List.of("NO", "DK", "SE"));
            timeZone = Check.orDefault(timeZone, ZoneId.of("Europe/Oslo"));
            languages = List.copyOf(Check.orDefault(languages, List.of("nb", "nn", "da", "sv", "en")));
            if (languages.isEmpty()) {
                throw ConfigException.at("languages", "must list at least one language");
            }
            for (int i = 0; i < languages.size(); i++) {
                Check.oneOf("languages[" + i + "]", languages.get(i), List.of("nb", "nn", "da", "sv", "en"));
            }
            defaultLanguage = Check.orDefault(defaultLanguage, languages.get(0));
            Check.oneOf("default_language", defaultLanguage, languages);
        }
    }

    /**
     * The unit's opening hours (when staff handle contact requests) and its promise: a request is answered
     * within {@code contact_promise_hours} of open time.
     */
    public record Office(HoursConfig hours, Double contactPromiseHours) {
        public Office {
            hours = Check.orDefault(hours, new HoursConfig(List.of(new HoursConfig.PeriodConfig(
                    List.of("mon", "tue", "wed", "thu", "fri"), java.time.LocalTime.of(8, 0), java.time.LocalTime.of(15, 30))), "closed", List.of()));
            contactPromiseHours = Check.orDefault(contactPromiseHours, 7.5);
            if (contactPromiseHours <= 0 || contactPromiseHours > 200) {
                throw ConfigException.at("contact_promise_hours", "must be between 0 and 200 (was " + contactPromiseHours + ")");
            }
        }
    }

    /**
     * The evening and weekend ambulant service: its hours, how soon the team calls, and the on-call phones
     * alerted (comma-separated E.164 numbers, from the environment: they are staff's phones). An on-call phone
     * gets at most one SMS per {@code alert_interval_minutes} (0: one for every urgent conversation); what comes
     * in between is counted into the next one.
     */
    public record Ambulant(HoursConfig hours, Integer callWithinMinutes, String oncallPhones, Integer alertIntervalMinutes,
                           Integer chatAlertsPerAddress) {
        public Ambulant(HoursConfig hours, Integer callWithinMinutes, String oncallPhones) {
            this(hours, callWithinMinutes, oncallPhones, null, null);
        }

        public Ambulant(HoursConfig hours, Integer callWithinMinutes, String oncallPhones, Integer alertIntervalMinutes) {
            this(hours, callWithinMinutes, oncallPhones, alertIntervalMinutes, null);
        }

        public Ambulant {
            alertIntervalMinutes = Check.between("alert_interval_minutes", Check.orDefault(alertIntervalMinutes, 10), 0, 24 * 60);
            chatAlertsPerAddress = Check.between("chat_alerts_per_address", Check.orDefault(chatAlertsPerAddress, 3), 0, 1000);
            hours = Check.orDefault(hours, new HoursConfig(List.of(
                    new HoursConfig.PeriodConfig(List.of("mon", "tue", "wed", "thu", "fri"), java.time.LocalTime.of(15, 30), java.time.LocalTime.of(22, 0)),
                    new HoursConfig.PeriodConfig(List.of("sat", "sun"), java.time.LocalTime.of(11, 0), java.time.LocalTime.of(22, 0))),
                    "like_sunday", List.of()));
            callWithinMinutes = Check.between("call_within_minutes", Check.orDefault(callWithinMinutes, 30), 1, 24 * 60);
            oncallPhones = oncallPhones == null ? "" : oncallPhones.strip();
            for (String phone : phones(oncallPhones)) {
                if (!phone.matches("\\+[1-9][0-9]{6,14}")) {
                    throw ConfigException.at("oncall_phones", "'" + phone + "' is not an E.164 number such as +4791234567");
                }
            }
        }

        public List<String> oncall() {
            return phones(oncallPhones);
        }

        private static List<String> phones(String list) {
            return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * How long personal data is kept: a closed conversation (messages, requests, events, the number) is
     * deleted this many days after its last message; enrolments this many days after the offer's last meeting.
     * Statistics keep their anonymous counts.
     */
    public record Retention(Integer closedConversationDays, Integer finishedEnrolmentDays) {
        public Retention {
            closedConversationDays = Check.between("closed_conversation_days", Check.orDefault(closedConversationDays, 90), 1, 3650);
            finishedEnrolmentDays = Check.between("finished_enrolment_days", Check.orDefault(finishedEnrolmentDays, 30), 1, 3650);
        }
    }

    /**
     * Staff sign-in: the OpenID Connect issuer (its discovery document is read from it) and client id for single
     * sign-on, and who must set up a second factor ({@code admin}, {@code all} or {@code none}). The environment
     * ({@code KONTAKT_OIDC_ISSUER}, {@code KONTAKT_OIDC_CLIENT_ID}, {@code KONTAKT_REQUIRE_2FA}) wins over the file;
     * the client secret comes only from {@code KONTAKT_OIDC_CLIENT_SECRET}.
     */
    public record SignIn(URI oidcIssuer, String oidcClientId, String require2fa) {
        public SignIn {
            oidcClientId = oidcClientId == null || oidcClientId.isBlank() ? null : oidcClientId.strip();
            require2fa = Check.orDefault(require2fa == null || require2fa.isBlank() ? null : require2fa.strip().toLowerCase(java.util.Locale.ROOT), "admin");
            if (!Set.of("admin", "all", "none").contains(require2fa)) {
                throw ConfigException.at("require_2fa", "must be admin, all or none (was '" + require2fa + "')");
            }
            if (oidcIssuer != null && oidcIssuer.toString().isBlank()) {
                oidcIssuer = null;
            }
            if ((oidcIssuer == null) != (oidcClientId == null)) {
                throw ConfigException.at(oidcIssuer == null ? "oidc_issuer" : "oidc_client_id",
                        "single sign-on needs both oidc_issuer and oidc_client_id (KONTAKT_OIDC_ISSUER, KONTAKT_OIDC_CLIENT_ID)");
            }
        }

        /** The same, with the environment's values where it has them. */
        public SignIn withEnvironment(java.util.function.Function<String, String> env) {
            String issuer = env.apply("KONTAKT_OIDC_ISSUER");
            String client = env.apply("KONTAKT_OIDC_CLIENT_ID");
            String twoFa = env.apply("KONTAKT_REQUIRE_2FA");
            return new SignIn(issuer != null && !issuer.isBlank() ? URI.create(issuer.strip()) : oidcIssuer,
                    client != null && !client.isBlank() ? client : oidcClientId, twoFa != null && !twoFa.isBlank() ? twoFa : require2fa);
        }

        public boolean oidc() {
            return oidcIssuer != null;
        }
    }

    /** Where the scripts are. */
    public record Conversations(Path dir) {
        public Conversations {
            dir = Check.orDefault(dir, Path.of("conversations"));
        }
    }

    /**
     * Groups and courses: the catalogue file, the local hour of the day-before reminders, the quiet hours in which
     * no reminder or waiting-list SMS is sent ({@code "21:00-09:00"}), and how many days {@code /offers.ics} covers.
     */
    public record Offers(Path catalogue, Integer reminderHour, String quietHours, Integer calendarDays) {
        private static final java.util.regex.Pattern QUIET = java.util.regex.Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");

        public Offers {
            catalogue = Check.orDefault(catalogue, Path.of("config/offers.yaml"));
            reminderHour = Check.between("reminder_hour", Check.orDefault(reminderHour, 18), 0, 23);
            quietHours = Check.orDefault(quietHours, "21:00-09:00").replace(" ", "");
            if (!QUIET.matcher(quietHours).matches()) {
                throw ConfigException.at("quiet_hours", "must be two times like \"21:00-09:00\" (was '" + quietHours + "')");
            }
            if (quiet(quietHours, java.time.LocalTime.of(reminderHour, 0))) {
                throw ConfigException.at("reminder_hour", reminderHour + " is inside the quiet hours " + quietHours + "; pick an hour outside them");
            }
            calendarDays = Check.between("calendar_days", Check.orDefault(calendarDays, 90), 1, 366);
        }

        /** The first minute of the quiet hours. */
        public java.time.LocalTime quietFrom() {
            return java.time.LocalTime.parse(quietHours.substring(0, 5));
        }

        /** The first minute after the quiet hours. */
        public java.time.LocalTime quietUntil() {
            return java.time.LocalTime.parse(quietHours.substring(6));
        }

        /** True when this local time is in the quiet hours (which may run across midnight). */
        public boolean quiet(java.time.LocalTime time) {
            return quiet(quietHours, time);
        }

        private static boolean quiet(String hours, java.time.LocalTime time) {
            java.time.LocalTime from = java.time.LocalTime.parse(hours.substring(0, 5));
            java.time.LocalTime until = java.time.LocalTime.parse(hours.substring(6));
            return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
                    : !time.isBefore(from) || time.isBefore(until);
        }
    }

    /** Environment variables that override keys, whatever the file says. */
    static final Map<String, String> ENV_OVERRIDES = Map.of(
            "KONTAKT_PORT", "server.port",
            "KONTAKT_PUBLIC_URL", "server.public_url",
            "KONTAKT_DATA_DIR", "store.data_dir",
            "KONTAKT_TWILIO_ACCOUNT_SID", "twilio.account_sid",
            "KONTAKT_TWILIO_AUTH_TOKEN", "twilio.auth_token",
            "KONTAKT_TWILIO_FROM", "twilio.from_number",
            "KONTAKT_ONCALL_PHONES", "ambulant.oncall_phones",
            "KONTAKT_TRUSTED_PROXIES", "server.trusted_proxies");

    /** Keys that hold secrets: they may only come from the environment. */
    static final Set<String> SECRET_KEYS = Set.of("twilio.account_sid", "twilio.auth_token");
}
