package no.kontakt.store;

import no.kontakt.store.mapdb.MapDbStorage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit entries written before audit pseudonyms get them once, when the store opens. */
class AuditPseudonymsTest {
    @TempDir
    Path data;
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private Stores open() {
        return new Stores(MapDbStorage.open(data), 1, ZoneId.of("Europe/Oslo"), new SealedJson(new byte[32], null));
    }

    @Test
    void older_entries_name_a_living_conversation_by_its_pseudonym_and_an_erased_one_by_nothing() {
        try (Stores stores = open()) {
            Batch batch = new Batch();
            stores.conversations().save(batch, Conversation.start("sms-living", "sms", "+4791234567", "nb", T0));
            stores.commit(batch);
            var audit = stores.storage().table("audit");
            var codec = stores.codec();
            // as an earlier version wrote them: the conversation id itself, which the next conversation of the number shares
            audit.put("000000000000001/kari/1", codec.encode(new AuditEntry(T0, "kari", "staff", "read", "sms-living", "")));
            audit.put("000000000000002/kari/2", codec.encode(new AuditEntry(T0, "kari", "staff", "read", "sms-erased", "")));
            stores.storage().table(StaffStores.AUDIT_REFS).remove(StaffStores.DONE);
            stores.storage().commit();
            assertThat(stores.staff().auditTrail()).extracting(AuditEntry::conversationId).contains("sms-erased");
        }
        try (Stores stores = open()) {
            var stored = stores.storage().table("audit").values().stream()
                    .map(v -> stores.codec().decode(v, AuditEntry.class).conversationId()).toList();
            assertThat(stored).hasSize(2).allSatisfy(ref -> assertThat(ref).startsWith(StaffStores.REF_PREFIX));
            assertThat(stores.staff().auditTrail()).extracting(AuditEntry::conversationId).contains("sms-living").doesNotContain("sms-erased");
            assertThat(stores.staff().auditRefOf("sms-erased")).isEmpty();
            assertThat(stores.staff().auditRefOf("sms-living")).contains(stored.get(0));
        }
    }
}
