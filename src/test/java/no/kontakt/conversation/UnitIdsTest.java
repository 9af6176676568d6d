package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitIdsTest {
    @Test
    void a_conversation_id_names_its_unit_between_channel_and_pseudonym() {
        assertThat(UnitIds.unitOf("sms-ztp3p2xpcnqu2f3m32zd")).isNull();
        assertThat(UnitIds.unitOf(UnitIds.of("sms-ztp3p2xpcnqu2f3m32zd", "vest"))).isEqualTo("vest");
        assertThat(UnitIds.unitOf("web-nord_2-ztp3p2xpcnqu2f3m32zd/0000000004")).isEqualTo("nord_2");
        assertThat(UnitIds.of("sms-ztp3p2xpcnqu2f3m32zd", null)).isEqualTo("sms-ztp3p2xpcnqu2f3m32zd");
    }

    @Test
    void an_erased_conversations_audit_pseudonym_belongs_to_no_other_unit_whatever_dashes_it_holds() {
        // audit pseudonyms are random base64url: dashes in them once read as a unit, hiding the entry from the default unit
        assertThat(UnitIds.unitOf("audit-e--vicONtvA3DG1v2sil")).isNull();
        assertThat(UnitIds.unitOf("audit-abc-defGHIjkl")).isNull();
        assertThat(UnitIds.unitOf("sms-Ab-cd")).isNull();
    }
}
