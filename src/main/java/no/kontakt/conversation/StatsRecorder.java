package no.kontakt.conversation;

import java.time.Instant;
import java.util.List;
import no.kontakt.flow.Event;
import no.kontakt.flow.Segments;
import no.kontakt.store.Batch;
import no.kontakt.store.StatsStore;

/** Counts what a turn did for the unit's statistics — never who, never what was written. */
final class StatsRecorder {
    private StatsRecorder() {}

    static void stage(StatsStore stats, Batch batch, Instant now, String language, String channel, boolean newConversation,
                      String scriptBefore, List<Event> events, List<String> replies) {
        if (newConversation) {
            stats.increment(batch, "conversations", now, language + "/" + channel);
        }
        String script = scriptBefore;
        for (Event e : events) {
            if (e instanceof Event.StepEntered s) {
                if (!s.script().equals(script) && !"main".equals(s.script())) {
                    stats.increment(batch, "entries", now, s.script() + "/" + language);
                }
                script = s.script();
            } else if (e instanceof Event.ActionEnded a) {
                stats.increment(batch, "actions", now, a.action() + "/" + a.exit());
            } else if (e instanceof Event.RiskFlagged) {
                stats.increment(batch, "risk_flags", now, language);
            } else if (e instanceof Event.OptedOut) {
                stats.increment(batch, "opt_outs", now, language);
            } else if (e instanceof Event.ErasureRequested) {
                stats.increment(batch, "erasures", now, language);
            }
        }
        segments(stats, batch, now, channel, replies);
    }

    static void segments(StatsStore stats, Batch batch, Instant now, String channel, List<String> texts) {
        if (!"sms".equals(channel)) {
            return;
        }
        long segments = texts.stream().mapToLong(t -> Segments.of(t).count()).sum();
        if (segments > 0) {
            stats.count(batch, "sms_segments", now, "", segments);
        }
    }
}
