package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ValuesTest {
    static String phone(String reply) {
        return Values.parse(Wait.ValueType.PHONE, reply, "nb", ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Oslo]")).orElse(null);
    }

    @Test
    void a_phone_number_is_read_as_people_write_it() {
        assertThat(phone("912 34 567")).isEqualTo("91234567");
        assertThat(phone("+47 912-34-567")).isEqualTo("+4791234567");
        assertThat(phone("0046 (70) 123 45 67")).isEqualTo("+46701234567");
        assertThat(phone("20.12.34.56")).isEqualTo("20123456");
    }

    @Test
    void what_is_not_a_phone_number_is_not_saved() {
        assertThat(phone("ring meg")).isNull();
        assertThat(phone("12 34")).isNull();
        assertThat(phone("1234567890123456")).isNull();
        assertThat(phone("912 34 567 eller 22 33 44 55")).isNull();
        assertThat(phone("")).isNull();
    }
}
