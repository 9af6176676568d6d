package no.kontakt.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.privacy.Pseudonyms;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.store.Message;
import no.kontakt.store.Stores;
import no.kontakt.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub with fake browsers on an in-memory store: catching up, dropping gone browsers, tabs, delivery. */
class ChatHubTest {
    static final String ID = "web-abc";
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    final Stores stores = new Stores(new InMemoryStorage(), 1);
    final ChatHub hub = new ChatHub(stores.conversations(), stores.messages(), stores.deliveries(), stores, clock);

    /** A browser that records what it gets; {@code gone} makes every write fail. */
    static final class FakeBrowser implements ChatHub.Client {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean gone;
        volatile boolean closed;

        @Override
        public boolean send(String event, String id, String json) {
            events.add(event + (id == null ? "" : "#" + id));
            return !gone;
        }

        @Override
        public boolean comment(String text) {
            return !gone;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @AfterEach
    void close() {
        hub.close();
        stores.close();
    }

    private void append(long sequence, Message.Direction direction, String author) {
        Batch batch = new Batch();
        Conversation c = stores.conversations().find(ID).orElse(Conversation.start(ID, "web", "nb-x", "nb", clock.instant()));
        stores.conversations().save(batch, c.withMessage(clock.instant()));
        stores.messages().append(batch, new Message(ID + "/" + String.format("%010d", sequence), ID, direction, author, "text " + sequence,
                clock.instant(), null));
        stores.commit(batch);
    }

    @Test
    void a_browser_gets_the_status_then_every_message_after_its_last_event_then_each_new_one_once() throws Exception {
        append(1, Message.Direction.IN, "citizen");
        append(2, Message.Direction.OUT, "bot");
        append(3, Message.Direction.OUT, "staff:kari");
        FakeBrowser browser = new FakeBrowser();
        hub.connect(ID, "0000000001", browser).orElseThrow();
        Await.until("status and the two messages out", () -> browser.events.size() == 3);
        assertThat(browser.events).containsExactly("status", "message#0000000002", "message#0000000003");
        append(4, Message.Direction.OUT, "bot");
        assertThat(hub.changed(ID)).isEqualTo(1);
        hub.changed(ID);
        Await.until("message 4", () -> browser.events.contains("message#0000000004"));
        // a later message marks the end instead of a pause: both catch-ups for message 4 were queued before the one
        // for message 5, so a second copy of 4 shows up by the time 5 has arrived
        append(5, Message.Direction.OUT, "bot");
        hub.changed(ID);
        Await.until("message 5", () -> browser.events.contains("message#0000000005"));
        assertThat(browser.events).filteredOn(e -> e.startsWith("message"))
                .containsExactly("message#0000000002", "message#0000000003", "message#0000000004", "message#0000000005");
        assertThat(stores.deliveries().find(ID + "/0000000004").orElseThrow().status()).isEqualTo("sent");
        assertThat(hub.received(ID, "0000000003")).isEqualTo(2);
        assertThat(stores.deliveries().find(ID + "/0000000003").orElseThrow().status()).isEqualTo("delivered");
        assertThat(stores.deliveries().find(ID + "/0000000004").orElseThrow().status()).isEqualTo("sent");
    }

    @Test
    void a_browser_that_is_gone_is_dropped_and_the_newest_tabs_are_kept() throws Exception {
        append(1, Message.Direction.IN, "citizen");
        FakeBrowser gone = new FakeBrowser();
        gone.gone = true;
        hub.connect(ID, null, gone).orElseThrow();
        Await.until("the gone browser is closed", () -> gone.closed);
        Await.until("no client left", () -> hub.clients() == 0);
        List<FakeBrowser> tabs = List.of(new FakeBrowser(), new FakeBrowser(), new FakeBrowser(), new FakeBrowser(), new FakeBrowser());
        tabs.forEach(t -> hub.connect(ID, null, t).orElseThrow());
        assertThat(tabs.get(0).closed).as("the oldest of five tabs gives way").isTrue();
        assertThat(tabs.subList(1, 5)).noneMatch(t -> t.closed);
        assertThat(hub.clients()).isEqualTo(ChatHub.MAX_PER_CONVERSATION);
    }

    @Test
    void the_web_sender_tells_the_browsers_to_catch_up_and_refuses_an_id_without_a_conversation() throws Exception {
        append(1, Message.Direction.OUT, "staff:kari");
        FakeBrowser browser = new FakeBrowser();
        Runnable disconnect = hub.connect(ID, "0000000001", browser).orElseThrow();
        Await.until("the status", () -> browser.events.contains("status"));
        append(2, Message.Direction.OUT, "staff:kari");
        assertThat(new WebChatSender(hub).send(new OutboundMessage(ID + "/0000000002", "nb-x", "text 2"))).isEqualTo("WEB0000000002");
        Await.until("message 2", () -> browser.events.contains("message#0000000002"));
        disconnect.run();
        assertThat(hub.clients()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebChatSender(hub).send(new OutboundMessage("no-slash", "x", "y")))
                .hasMessageContaining("names its conversation");
    }

    @Test
    void a_session_id_is_signed_and_carries_its_language() {
        var sessions = new ChatSessions(new Pseudonyms(new byte[32]), List.of("nb", "nn", "en"), "nn");
        var session = sessions.open("no-NO");
        assertThat(session.language()).as("'no' is the default Norwegian of the unit").isEqualTo("nn");
        assertThat(sessions.find(session.id())).contains(session);
        assertThat(sessions.find("nb" + session.id().substring(2))).isEmpty();
        assertThat(new ChatSessions(new Pseudonyms(new byte[] {1, 2, 3}), List.of("nn"), "nn").find(session.id()))
                .as("another key does not accept it").isEmpty();
        assertThat(ChatSessions.languageOf(session.id())).contains("nn");
        assertThat(ChatSessions.languageOf("+4791234567")).isEmpty();
        assertThat(sessions.messageId(session, "client-1")).isEqualTo(sessions.messageId(session, "client-1"))
                .isNotEqualTo(sessions.messageId(sessions.open("en"), "client-1"));
    }
}
