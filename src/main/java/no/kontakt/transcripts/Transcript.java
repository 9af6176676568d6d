package no.kontakt.transcripts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A transcript in {@code conversations/tests/}: a citizen's side of a conversation, turn by turn, with what
 * the bot must answer — exactly ({@code out}) or in part ({@code contains}) — and the state at the end.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transcript(
        String name,
        String script,
        String language,
        String from,
        OffsetDateTime start,
        List<Turn> turns,
        End end) {

    /**
     * One turn: a message ({@code in}), or the clock moving ({@code wait: 2h} or {@code at: time}), then the bot's texts.
     * {@code from} sends the message from another citizen (another conversation) than the transcript's own.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Turn(String from, @JsonProperty("in") String in, @JsonProperty("wait") String waitFor, OffsetDateTime at, List<String> out,
                       List<String> contains, @JsonProperty("not_contains") List<String> notContains) {}

    /** What must hold after the last turn. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record End(String step, Boolean ended, Map<String, String> vars, List<String> actions, String status, Boolean urgent,
                      @JsonProperty("contact_requests") Integer contactRequests, @JsonProperty("opted_out") Boolean optedOut) {}
}
