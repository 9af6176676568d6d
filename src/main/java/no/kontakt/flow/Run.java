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
            optedOut = true;
            confirmingErase = false;
            clearTimer();
            events.add(new Event.OptedOut());
            say(g.text("opted_out"));
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
        Optional<String> newLanguage = g.languageOf(text);
        if (newLanguage.isPresent()) {
            language = newLanguage.get();
            events.add(new Event.LanguageChanged(language));
            say(g.text("language_changed"));
            repeatQuestion();
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
        if (!started) {
            started = true;
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
        for (Route route : wait.routes()) {
            if (route.hasExactMatchers() && Matching.matches(route, text, language)) {
                take(route);
                return;
            }
        }
        Set<String> candidates = new TreeSet<>();
        wait.routes().forEach(r -> candidates.addAll(r.intents()));
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
            }
        }
        if (wait.save() != null) {
            Optional<String> value = Values.parse(wait.save().type(), text, language, now.atZone(zone()));
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
        }
        goToMenu();
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
        Script script = library.latest(name);
        if (script == null) {
            fail("script '" + name + "' does not exist");
            return;
        }
        frames.add(new Session.Frame(script.name(), script.version(), script.start(), then));
        enter(script.start());
    }

    private void go(Target target) {
        if (target.isJump()) {
            enterScript(target.script(), target.then());
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
                enterScript(step.next().script(), step.next().then());
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
        return Templates.render(template, values);
    }

    private java.time.ZoneId zone() {
        String z = context.get("time_zone");
        return z == null ? ZoneOffset.UTC : java.time.ZoneId.of(z);
    }
}
