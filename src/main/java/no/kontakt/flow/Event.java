package no.kontakt.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What happened in one run of the engine, in order. The engine returns events; it never sends or saves. */
public sealed interface Event {

    /** A text to send to the citizen. */
    record MessageSent(String text) implements Event {}

    /** The conversation entered a step. */
    record StepEntered(String script, int version, String step) implements Event {}

    /** A value was saved into a variable from the reply or a route. */
    record ValueSaved(String name, String value) implements Event {}

    /** The classifier recognised an intent that chose a route. */
    record IntentDetected(String intent, double confidence) implements Event {}

    /** The script calls a domain action; the caller runs it and resumes with {@link Input.ActionDone}. */
    record ActionRequested(String action, Map<String, String> inputs) implements Event {}

    /** A requested action finished through this exit. */
    record ActionEnded(String action, String exit) implements Event {}

    /** The message signalled acute risk: the safety text was sent and staff must see the conversation. */
    record RiskFlagged(List<String> reasons) implements Event {}

    /** STOP: nothing more is sent until START. */
    record OptedOut() implements Event {}

    /** START after STOP. */
    record OptedIn() implements Event {}

    /** The citizen confirmed erasure of everything stored about them. */
    record ErasureRequested() implements Event {}

    /** The conversation's language changed. */
    record LanguageChanged(String language) implements Event {}

    /** A timer was set (or moved) for a waiting step. */
    record TimerSet(Instant dueAt) implements Event {}

    /** The waiting step's timer was cleared. */
    record TimerCleared() implements Event {}

    /** An expected problem (a reply not understood, an exit not handled); the script's fallback ran. */
    record ErrorOccurred(String reason) implements Event {}

    /** An unexpected problem: the conversation stopped and needs a person. */
    record ConversationFailed(String reason) implements Event {}

    /** The conversation reached the end of its scripts (a safe point). */
    record ConversationEnded() implements Event {}
}
