package no.kontakt.flow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.kontakt.text.Fold;

/** One run of the engine over a working copy of the session; {@link #finish()} gives the new session. */
final class Run {
    private static final int MAX_STEPS = 100;
    /** The script a risk flag enters ({@code conversations/safety.yaml}). */
    static final String SAFETY = "safety";

    private final Library library;
    private final IntentClassifier classifier;
    private final Map<String, String> context;
    private final String defaultLanguage;
    private final Instant now;
    private final List<Event> events = new ArrayList<>();

    private final List<Session.Frame> frames;
    private boolean started;
    private boolean waiting;
    private int misses;
    private final Map<String, String> vars;
    private String language;
    private boolean optedOut;
    private boolean confirmingErase;
    private Session.Timer timer;
    private Session.PendingAction pendingAction;
    /** The message being handled (null for a timer or an action result): read for slots when it starts a script. */
    private String message;

    Run(Library library, IntentClassifier classifier, Map<String, String> context, String defaultLanguage, Session s, Instant now) {
        this.library = library;
        this.classifier = classifier;
        this.context = context;
        this.defaultLanguage = defaultLanguage;
        this.now = now;
        this.frames = new ArrayList<>(s.frames());
        this.started = s.started();
        this.waiting = s.waiting();
        this.misses = s.misses();
        this.vars = new LinkedHashMap<>(s.vars());
        this.language = s.language() == null ? defaultLanguage : s.language();
        this.optedOut = s.optedOut();
        this.confirmingErase = s.confirmingErase();
        this.timer = s.timer();
        this.pendingAction = s.pendingAction();
    }

    Sprint finish() {
        return new Sprint(new Session(frames, started, waiting, misses, vars, language, optedOut, confirmingErase, timer, pendingAction), events);
    }

    // ---- inputs

    void text(Input.Text input) {
        Globals g = library.globals();
        String text = input.text() == null ? "" : input.text();
        Optional<Globals.Word> word = g.wordOf(text);
        if (optedOut) {
            if (word.orElse(null) == Globals.Word.START) {
                optedOut = false;
                events.add(new Event.OptedIn());
                say(g.text("opted_in"));
                goToMenu();
            } else if (input.risk()) {
                flagRisk(input);
            } else if (inSafety() && waiting && !input.quiet()) {
                reply(text, false); // opted out of our messages, but still talking with us about their safety
            }
            return;
        }
        if (word.orElse(null) == Globals.Word.STOP) {
            optOut();
            return;
        }
        if (input.risk()) {
            flagRisk(input);
            return;
        }
        if (confirmingErase) {
            confirmErase(text);
            return;
        }
        if (confirmingWord(text)) {
            return;
        }
        Optional<String> newLanguage = g.languageOf(text);
        if (newLanguage.isPresent()) {
            language = newLanguage.get();
            events.add(new Event.LanguageChanged(language));
            say(g.text("language_changed"));
            repeatQuestion();
            return;
        }
        if (word.isEmpty() && !input.quiet() && freeWord(text, input.risk())) {
            return;
        }
        if (word.isPresent()) {
            switch (word.get()) {
                case ERASE -> {
                    confirmingErase = true;
                    say(g.text("erase_confirm"));
                }
                case HELP -> say(g.text("help"));
                case MENU -> goToMenu();
                case START -> repeatQuestionOrMenu();
                default -> { }
            }
            return;
        }
        if (input.quiet()) {
            return;
        }
        message = text;
        if (!started) {
            started = true;
            if (!input.risk() && understoodFirst(text)) {
                return;
            }
            enterScript(g.startScript(), null);
            return;
        }
        if (frames.isEmpty()) {
            restartAtMenu(text, input.risk());
            return;
        }
        if (waiting) {
            reply(text, input.risk());
        }
    }

    void timer() {
        if (timer == null || now.isBefore(timer.dueAt()) || !waiting) {
            return;
        }
        Wait.Timeout timeout = currentStep() == null || currentStep().waitFor() == null ? null : currentStep().waitFor().timeout();
        if (timeout == null) {
            timer = null;
            return;
        }
        if (timer.kind() == Session.Timer.Kind.REMIND) {
            // no reminder in the quiet hours (at their end, or none when the wait ends first), except on the safety
            // path: a check-in minutes after someone wrote that they are not safe is not an unasked-for message
            Instant quietEnd = inSafety() ? null : quietUntil();
            if (quietEnd != null) {
                Session.Timer old = timer;
                timer = old.expireAt() != null && !quietEnd.isBefore(old.expireAt())
                        ? new Session.Timer(old.expireAt(), Session.Timer.Kind.EXPIRE, null)
                        : new Session.Timer(quietEnd, Session.Timer.Kind.REMIND, old.expireAt());
                events.add(new Event.TimerSet(timer.dueAt()));
                return;
            }
            say(timeout.remind());
            timer = timer.expireAt() == null ? null : new Session.Timer(timer.expireAt(), Session.Timer.Kind.EXPIRE, null);
            if (timer != null) {
                events.add(new Event.TimerSet(timer.dueAt()));
            }
            return;
        }
        clearTimer();
        waiting = false;
        misses = 0;
        if (timeout.then() != null) {
            go(timeout.then());
        } else {
            endConversation();
        }
    }

    void actionDone(Input.ActionDone done) {
        if (pendingAction == null) {
            events.add(new Event.ErrorOccurred("an action result arrived but no action was asked for"));
            return;
        }
        Step step = currentStep();
        events.add(new Event.ActionEnded(pendingAction.name(), done.exit()));
        pendingAction = null;
        done.outputs().forEach((k, v) -> {
            vars.put(k, v);
            events.add(new Event.ValueSaved(k, v));
        });
        Target target = step == null || step.action() == null ? null : step.action().exits().get(done.exit());
        if (target == null) {
            fail("action " + (step == null ? "?" : step.action().name()) + " ended with exit '" + done.exit() + "', which the script does not handle");
            return;
        }
        go(target);
    }

    // ---- replies

    private void reply(String text, boolean risk) {
        Step step = currentStep();
        Wait wait = step == null ? null : step.waitFor();
        if (wait == null) {
            waiting = false;
            return;
        }
        boolean changed = !risk && fillSlots(currentScript(), text, asked(step));
        if (changed && !step.skipWhen().isEmpty() && anyKnown(step.skipWhen())) {
            leaveWait();
            go(step.skipTo()); // the reply answered this step's question (and maybe others)
            return;
        }
        if (changed && wait.changed() != null) {
            leaveWait();
            go(wait.changed());
            return;
        }
        for (Route route : wait.routes()) {
            if (route.hasExactMatchers() && Matching.matches(route, text, language)) {
                take(route);
                return;
            }
        }
        Set<String> candidates = new TreeSet<>();
        wait.routes().forEach(r -> candidates.addAll(r.intents()));
        Set<String> elsewhere = understood(step.understands());
        candidates.addAll(elsewhere);
        if (!candidates.isEmpty()) {
            Optional<IntentClassifier.Match> match = classifier.classify(text, language, candidates);
            if (match.isPresent()) {
                for (Route route : wait.routes()) {
                    if (route.intents().contains(match.get().intent())) {
                        events.add(new Event.IntentDetected(match.get().intent(), match.get().confidence()));
                        take(route);
                        return;
                    }
                }
                if (elsewhere.contains(match.get().intent())) {
                    events.add(new Event.IntentDetected(match.get().intent(), match.get().confidence()));
                    enterIntent(match.get().intent());
                    return;
                }
            }
        }
        if (wait.save() != null && !risk) {
            Optional<String> value = saveable(wait.save().type(), text);
            if (value.isEmpty() && changed) {
                repeatQuestion(); // the reply only answered other questions ("etter 16" at the topic): ask this one again
                return;
            }
            if (value.isPresent()) {
                save(wait.save().name(), value.get());
                if (wait.save().type() == Wait.ValueType.TIME_WINDOW) {
                    save(wait.save().name() + "_text", text.strip());
                }
                leaveWait();
                if (wait.next() != null) {
                    go(wait.next());
                } else {
                    String continueWith = endFrame();
                    if (continueWith != null) {
                        enter(continueWith);
                    }
                }
                return;
            }
        }
        if (risk) {
            return; // the safety text was just sent: do not add "I did not understand"
        }
        misses++;
        events.add(new Event.ErrorOccurred("reply not understood at " + step.id()));
        Wait.Otherwise otherwise = wait.otherwise();
        if (otherwise != null && otherwise.then() != null && misses > otherwise.retries()) {
            leaveWait();
            go(otherwise.then());
            return;
        }
        say(otherwise != null && otherwise.say() != null ? otherwise.say() : library.globals().text("not_understood"));
    }

    private void take(Route route) {
        route.set().forEach(this::save);
        leaveWait();
        go(route.target());
    }

    private void save(String name, String value) {
        vars.put(name, value);
        events.add(new Event.ValueSaved(name, value));
    }

    private void confirmErase(String text) {
        confirmingErase = false;
        if (YesNo.parse(text, language).orElse(false)) {
            say(library.globals().text("erased"));
            events.add(new Event.ErasureRequested());
            frames.clear();
            vars.clear();
            clearTimer();
            waiting = false;
            pendingAction = null;
            started = false;
        } else {
            say(library.globals().text("erase_cancelled"));
            repeatQuestion();
        }
    }

    private void restartAtMenu(String text, boolean risk) {
        Script menu = library.latest(library.globals().menuScript());
        Step step = menu == null ? null : menu.step(library.globals().menuStep());
        if (step != null && step.waitFor() != null && !risk) {
            for (Route route : step.waitFor().routes()) {
                if (route.hasExactMatchers() && Matching.matches(route, text, language)) {
                    frames.add(new Session.Frame(menu.name(), menu.version(), step.id(), null));
                    take(route);
                    return;
                }
            }
            Set<String> intents = new TreeSet<>(understood(step.understands()));
            step.waitFor().routes().forEach(r -> intents.addAll(understood(r.intents())));
            Optional<IntentClassifier.Match> match = intents.isEmpty() ? Optional.empty() : classifier.classify(text, language, intents);
            if (match.isPresent() && intents.contains(match.get().intent())) {
                events.add(new Event.IntentDetected(match.get().intent(), match.get().confidence()));
                enterIntent(match.get().intent());
                return;
            }
        }
        goToMenu();
    }

    // ---- understanding what was said

    /** The var that holds a global wish said in free words, waiting for JA (stop, menu). */
    static final String CONFIRMING = "_confirming";
    /** How sure the classifier must be before a free-word message counts as STOP, SLETT or MENY (then still confirmed). */
    static final double SURE = 0.80;
    /** Longer messages are not read as a global wish by the classifier (only by the explicit phrases). */
    static final int SHORT = 8;

    /**
     * The first message: when the start step {@code understands} what it asks for, the start step's text (the
     * welcome: an automated service, the emergency number) is said once and the conversation goes straight there.
     */
    private boolean understoodFirst(String text) {
        Script start = library.latest(library.globals().startScript());
        Step first = start == null ? null : start.step(start.start());
        if (first == null) {
            return false;
        }
        Set<String> intents = understood(first.understands());
        if (intents.isEmpty()) {
            return false;
        }
        Optional<IntentClassifier.Match> match = classifier.classify(text, language, intents);
        if (match.isEmpty() || !intents.contains(match.get().intent())) {
            return false;
        }
        events.add(new Event.IntentDetected(match.get().intent(), match.get().confidence()));
        say(first.say());
        enterIntent(match.get().intent());
        return true;
    }

    /** Of these intents, those a script starts from. */
    private Set<String> understood(java.util.Collection<String> intents) {
        Set<String> out = new TreeSet<>();
        for (String intent : intents) {
            if (scriptFor(intent) != null) {
                out.add(intent);
            }
        }
        return out;
    }

    private Script scriptFor(String intent) {
        for (String name : library.names()) {
            Script s = library.latest(name);
            if (s != null && s.intents().contains(intent)) {
                return s;
            }
        }
        return null;
    }

    /** Leaves wherever the conversation is for the script of {@code intent}, which reads its slots from the message. */
    private void enterIntent(String intent) {
        leaveWait();
        frames.clear();
        pendingAction = null;
        enterScript(scriptFor(intent).name(), null);
    }

    /** Saves the slots {@code text} fills; true when one of them is new or different. */
    private boolean fillSlots(Script script, String text, Slot asked) {
        if (script == null || script.slots().isEmpty() || text == null || text.isBlank() || text.strip().matches("\\d{1,2}")) {
            return false; // a bare number answers a numbered question (a menu choice, 0 to skip), not when
        }
        SlotValues heard = Slots.extract(text, language, now.atZone(zone()), asked, OpeningHours.UNKNOWN);
        boolean changed = false;
        if (script.slots().contains("channel") && heard.channel().isPresent()) {
            changed |= saveSlot("channel", heard.channel().get());
        }
        if (script.slots().contains("window") && heard.window().isPresent()) {
            changed |= saveSlot("window", Values.format(heard.window().get()));
            saveSlot("window_text", heard.windowWords().orElse(text.strip()));
        }
        if (script.slots().contains("name")) {
            if (heard.name().isPresent()) {
                changed |= saveSlot("name", heard.name().get());
                vars.remove("anonymous");
            } else if (heard.anonymous()) {
                changed |= saveSlot("anonymous", "yes");
                vars.put("name", "");
            }
        }
        return changed;
    }

    private boolean saveSlot(String name, String value) {
        if (value.equals(vars.get(name))) {
            return false;
        }
        save(name, value);
        return true;
    }

    private void forgetSlots(Script script) {
        for (String slot : script.slots()) {
            vars.remove(slot);
            if (slot.equals("window")) {
                vars.remove("window_text");
            }
            if (slot.equals("name")) {
                vars.remove("anonymous");
            }
        }
    }

    /** The slot the waiting step asks for (the first of its {@code skip_when} that is a slot), read more freely. */
    private static Slot asked(Step step) {
        for (String v : step.skipWhen()) {
            switch (v) {
                case "channel" -> { return Slot.CHANNEL; }
                case "window" -> { return Slot.WINDOW; }
                case "name", "anonymous" -> { return Slot.NAME; }
                default -> { }
            }
        }
        return null;
    }

    private boolean anyKnown(List<String> names) {
        return names.stream().anyMatch(n -> vars.get(n) != null && !vars.get(n).isBlank());
    }

    /**
     * The reply as the value to save, or empty: a topic is never a slot answer ("etter 16", "sms"), a question or an
     * insult; a name is a plausible first name ("jeg heter Kari" is Kari; "nei", "anonym" and questions are not).
     */
    private Optional<String> saveable(Wait.ValueType type, String text) {
        return switch (type) {
            case TOPIC -> Slots.isSlotAnswer(text, language, now.atZone(zone())) || Values.questionOrInsult(text, language)
                    ? Optional.empty() : Values.parse(Wait.ValueType.TEXT, text, language, now.atZone(zone()));
            case NAME -> Slots.plausibleName(text, language);
            case TIME_WINDOW -> text.strip().equals("0") ? Optional.empty() // 0 skips a question in every script, never "at midnight"
                    : Values.parse(type, text, language, now.atZone(zone()));
            default -> Values.parse(type, text, language, now.atZone(zone()));
        };
    }

    private Script currentScript() {
        if (frames.isEmpty()) {
            return null;
        }
        Session.Frame f = frames.get(frames.size() - 1);
        return library.get(f.script(), f.version());
    }

    /** A global wish said in free words (stop, erase, menu) waits for JA; anything else lets it lapse. */
    private boolean confirmingWord(String text) {
        String pending = vars.remove(CONFIRMING);
        if (pending == null) {
            return false;
        }
        Optional<Boolean> yes = YesNo.parse(text, language);
        if (yes.isEmpty()) {
            return false;
        }
        Globals g = library.globals();
        if (!yes.get()) {
            say(g.text("word_cancelled"));
            repeatQuestion();
            return true;
        }
        if (pending.equals("stop")) {
            optOut();
        } else {
            goToMenu();
        }
        return true;
    }

    /**
     * Stop, erase, menu and help in free words ("slutt å sende meg meldinger", "glem meg"): the phrases of
     * global.yaml anywhere in the message, or a short message the classifier is sure about. Stop, erase and menu
     * (away from the menu) ask first; help answers at once.
     */
    private boolean freeWord(String text, boolean risk) {
        if (risk) {
            return false;
        }
        Globals g = library.globals();
        Optional<Globals.Word> wish = g.phraseOf(text);
        if (wish.isEmpty() && Fold.words(text, Fold.MATCH).size() <= SHORT) {
            Optional<IntentClassifier.Match> m = classifier.classify(text, language, Set.of("stop", "erase", "menu"));
            if (m.isPresent() && m.get().confidence() >= SURE) {
                wish = switch (m.get().intent()) {
                    case "stop" -> Optional.of(Globals.Word.STOP);
                    case "erase" -> Optional.of(Globals.Word.ERASE);
                    case "menu" -> Optional.of(Globals.Word.MENU);
                    default -> Optional.empty();
                };
                wish.ifPresent(w -> events.add(new Event.IntentDetected(m.get().intent(), m.get().confidence())));
            }
        }
        if (wish.isEmpty() || (wish.get() != Globals.Word.ERASE && wish.get() != Globals.Word.HELP && g.text("stop_confirm") == null)) {
            return false;
        }
        switch (wish.get()) {
            case STOP -> {
                vars.put(CONFIRMING, "stop");
                say(g.text("stop_confirm"));
            }
            case ERASE -> {
                confirmingErase = true;
                say(g.text("erase_confirm"));
            }
            case MENU -> {
                if (!started || frames.isEmpty() || atMenu()) {
                    goToMenu();
                } else {
                    vars.put(CONFIRMING, "menu");
                    say(g.text("menu_confirm"));
                }
            }
            case HELP -> say(g.text("help"));
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean atMenu() {
        Session.Frame f = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        return f != null && f.script().equals(library.globals().menuScript()) && f.step().equals(library.globals().menuStep());
    }

    private void optOut() {
        optedOut = true;
        confirmingErase = false;
        vars.remove(CONFIRMING);
        clearTimer();
        events.add(new Event.OptedOut());
        say(library.globals().text("opted_out"));
    }

    /** The end of the quiet hours ({@code quiet_hours} in the context, like 21:00-09:00) when now is inside them, else null. */
    private Instant quietUntil() {
        String hours = context.get("quiet_hours");
        if (hours == null || !hours.matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d")) {
            return null;
        }
        java.time.LocalTime from = java.time.LocalTime.parse(hours.substring(0, 5));
        java.time.LocalTime until = java.time.LocalTime.parse(hours.substring(6));
        java.time.ZonedDateTime local = now.atZone(zone());
        java.time.LocalTime t = local.toLocalTime();
        boolean quiet = from.isAfter(until) ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
        if (!quiet) {
            return null;
        }
        java.time.ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    // ---- moving through steps

    private void goToMenu() {
        leaveWait();
        frames.clear();
        pendingAction = null;
        started = true;
        Script menu = library.latest(library.globals().menuScript());
        frames.add(new Session.Frame(menu.name(), menu.version(), library.globals().menuStep(), null));
        enter(library.globals().menuStep());
    }

    private void enterScript(String name, String then) {
        enterScript(name, then, null);
    }

    /** Starts {@code name} (at its start, or at step {@code at}): its slots start empty, then filled from the message that led here. */
    private void enterScript(String name, String then, String at) {
        Script script = library.latest(name);
        if (script == null) {
            fail("script '" + name + "' does not exist");
            return;
        }
        String first = at != null ? at : script.start();
        frames.add(new Session.Frame(script.name(), script.version(), first, then));
        if (!script.slots().isEmpty()) {
            forgetSlots(script);
            if (message != null) {
                fillSlots(script, message, null);
            }
        }
        enter(first);
    }

    private void go(Target target) {
        if (target.isJump()) {
            enterScript(target.script(), target.then(), target.at());
        } else {
            enter(target.step());
        }
    }

    /** Runs steps from {@code stepId} until one waits, asks for an action, or the conversation ends. */
    private void enter(String stepId) {
        String next = stepId;
        for (int guard = 0; next != null; guard++) {
            if (guard > MAX_STEPS) {
                fail("more than " + MAX_STEPS + " steps without waiting: the script loops");
                return;
            }
            Session.Frame frame = frames.get(frames.size() - 1);
            Script script = library.get(frame.script(), frame.version());
            Step step = script.step(next);
            if (step != null && step.safePoint()) {
                Script newest = library.latest(frame.script());
                if (newest.version() != script.version() && newest.step(next) != null) {
                    script = newest;
                    step = newest.step(next);
                }
            }
            if (step == null) {
                fail("step '" + next + "' is not in script " + script.name() + " version " + script.version());
                return;
            }
            frames.set(frames.size() - 1, new Session.Frame(script.name(), script.version(), step.id(), frame.then()));
            events.add(new Event.StepEntered(script.name(), script.version(), step.id()));
            if (!step.skipWhen().isEmpty() && anyKnown(step.skipWhen())) {
                if (step.skipTo().isJump()) {
                    enterScript(step.skipTo().script(), step.skipTo().then(), step.skipTo().at());
                    return;
                }
                next = step.skipTo().step();
                continue;
            }
            if (step.say() != null) {
                say(step.say());
            }
            if (step.action() != null) {
                Map<String, String> inputs = new LinkedHashMap<>();
                step.action().with().forEach((k, v) -> inputs.put(k, render(v)));
                pendingAction = new Session.PendingAction(step.action().name(), inputs);
                events.add(new Event.ActionRequested(step.action().name(), inputs));
                return;
            }
            if (step.waitFor() != null) {
                waiting = true;
                misses = 0;
                setTimer(step.waitFor().timeout());
                return;
            }
            if (step.next() != null && step.next().isJump()) {
                enterScript(step.next().script(), step.next().then(), step.next().at());
                return;
            }
            next = step.next() != null ? step.next().step() : endFrame();
        }
    }

    /** Ends the current script; returns the step to continue with in the caller, or null when all ended. */
    private String endFrame() {
        while (!frames.isEmpty()) {
            Session.Frame done = frames.remove(frames.size() - 1);
            if (frames.isEmpty()) {
                endConversation();
                return null;
            }
            if (done.then() != null) {
                return done.then();
            }
        }
        return null;
    }

    private void endConversation() {
        frames.clear();
        waiting = false;
        clearTimer();
        events.add(new Event.ConversationEnded());
    }

    private void fail(String reason) {
        events.add(new Event.ConversationFailed(reason));
        say(library.globals().text("failed"));
        frames.clear();
        waiting = false;
        pendingAction = null;
        clearTimer();
    }

    private void leaveWait() {
        waiting = false;
        misses = 0;
        clearTimer();
    }

    private void repeatQuestion() {
        Step step = currentStep();
        if (waiting && step != null && step.say() != null) {
            say(step.say());
        }
    }

    private void repeatQuestionOrMenu() {
        if (waiting) {
            repeatQuestion();
        } else {
            goToMenu();
        }
    }

    private void setTimer(Wait.Timeout timeout) {
        clearTimer();
        if (timeout == null) {
            return;
        }
        Instant expireAt = timeout.expireAfter() == null ? null : now.plus(timeout.expireAfter());
        timer = timeout.remindAfter() != null
                ? new Session.Timer(now.plus(timeout.remindAfter()), Session.Timer.Kind.REMIND, expireAt)
                : new Session.Timer(expireAt, Session.Timer.Kind.EXPIRE, null);
        events.add(new Event.TimerSet(timer.dueAt()));
    }

    private void clearTimer() {
        if (timer != null) {
            timer = null;
            events.add(new Event.TimerCleared());
        }
    }

    /**
     * A risk flag: the conversation moves into the safety script, from whatever step was waiting (the message is
     * never taken as that step's answer). Without a safety script, or while a person holds the conversation, only
     * the global {@code risk} text is sent and the conversation stays where it was.
     */
    private void flagRisk(Input.Text input) {
        events.add(new Event.RiskFlagged(input.riskReasons()));
        Script safety = library.latest(SAFETY);
        if (safety == null || input.quiet()) {
            say(library.globals().text("risk"));
            return;
        }
        save("risk_kind", input.riskKind());
        save("about_other", input.aboutOther() ? "yes" : "no");
        leaveWait();
        frames.clear();
        pendingAction = null;
        confirmingErase = false;
        started = true;
        enterScript(SAFETY, null);
    }

    /** True while the conversation is in the safety script. */
    private boolean inSafety() {
        Session.Frame f = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        return f != null && SAFETY.equals(f.script());
    }

    private Step currentStep() {
        if (frames.isEmpty()) {
            return null;
        }
        Session.Frame f = frames.get(frames.size() - 1);
        Script script = library.get(f.script(), f.version());
        return script == null ? null : script.step(f.step());
    }

    private void say(Texts texts) {
        if (texts == null) {
            return;
        }
        String text = render(texts.in(language, defaultLanguage));
        if (!text.isBlank()) {
            events.add(new Event.MessageSent(text));
        }
    }

    private String render(String template) {
        Map<String, Object> values = new HashMap<>(context);
        values.putAll(vars);
        values.put("language", language);
        String unit = context.get("unit_" + language);
        if (unit != null) {
            values.put("unit", unit); // the unit's name in the conversation's language
        }
        return Templates.render(template, values);
    }

    private java.time.ZoneId zone() {
        String z = context.get("time_zone");
        return z == null ? ZoneOffset.UTC : java.time.ZoneId.of(z);
    }
}
