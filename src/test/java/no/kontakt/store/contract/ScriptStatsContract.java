package no.kontakt.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import no.kontakt.store.Batch;
import no.kontakt.store.ScriptStore;
import no.kontakt.store.ScriptVersion;
import no.kontakt.store.StatsStore;
import org.junit.jupiter.api.Test;

/** Script versions in version order with their drafts, and statistics counters that add up across batches. */
abstract class ScriptStatsContract extends RoleContract {
    private static ScriptVersion version(String name, int n) {
        return new ScriptVersion(name, n, "steps: " + n, "admin", T0.plusSeconds(n), "hash" + n);
    }

    @Test
    void versions_come_in_version_order_and_the_latest_is_the_highest() {
        commit(b -> {
            for (int n = 12; n >= 1; n--) {
                roles.scripts().publish(b, version("main", n));
            }
            roles.scripts().publish(b, version("contact", 1));
            roles.scripts().publish(b, version("main-extra", 1));
        });
        restart();
        assertThat(roles.scripts().versions("main")).extracting(ScriptVersion::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(roles.scripts().versionNumbers("main")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(roles.scripts().versionNumbers("nothing")).isEmpty();
        assertThat(roles.scripts().latest("main").orElseThrow().version()).isEqualTo(12);
        assertThat(roles.scripts().version("main", 10).orElseThrow().yaml()).isEqualTo("steps: 10");
        assertThat(roles.scripts().version("main", 13)).isEmpty();
        assertThat(roles.scripts().names()).containsExactly("contact", "main", "main-extra");
        assertThat(roles.scripts().latest("nothing")).isEmpty();
    }

    @Test
    void a_draft_is_kept_until_removed() {
        var draft = new ScriptStore.Draft("main", "steps: {}", "admin", T0);
        commit(b -> roles.scripts().saveDraft(b, draft));
        restart();
        assertThat(roles.scripts().draft("main")).contains(draft);
        commit(b -> roles.scripts().removeDraft(b, "main"));
        restart();
        assertThat(roles.scripts().draft("main")).isEmpty();
    }

    @Test
    void counters_of_many_concurrent_batches_all_add_up_by_week() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            pending.add(CompletableFuture.runAsync(() -> commit(b -> {
                roles.stats().increment(b, "messages", T0, "sms");
                roles.stats().record(b, "wait_seconds", T0, null, n);
            })));
        }
        pending.forEach(CompletableFuture::join);
        commit(b -> roles.stats().count(b, "segments", T0.plusSeconds(7 * 86_400), "sms", 3));
        restart();
        String week = roles.stats().week(T0);
        assertThat(week).isEqualTo("2026-W48");
        assertThat(roles.stats().all()).extracting(StatsStore.Counter::metric, StatsStore.Counter::week, StatsStore.Counter::dimension,
                        StatsStore.Counter::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("messages", "2026-W48", "sms", 40L),
                        org.assertj.core.groups.Tuple.tuple("wait_seconds", "2026-W48", "", 40L),
                        org.assertj.core.groups.Tuple.tuple("segments", "2026-W49", "sms", 3L));
        assertThat(roles.stats().all().stream().filter(c -> c.metric().equals("wait_seconds")).findFirst().orElseThrow().values())
                .hasSize(40).contains(0L, 39L);
    }

    @Test
    void the_week_is_the_units_iso_week() {
        // Sunday 2026-11-29 23:30 UTC is Monday 00:30 in Oslo: the next ISO week there
        assertThat(roles.stats().week(java.time.Instant.parse("2026-11-29T23:30:00Z"))).isEqualTo("2026-W49");
        assertThat(roles.stats().week(java.time.Instant.parse("2026-11-29T22:30:00Z"))).isEqualTo("2026-W48");
    }

    @Test
    void an_empty_batch_commits_at_once() {
        roles.unitOfWork().commit(new Batch());
        assertThat(roles.stats().all()).isEmpty();
    }
}
