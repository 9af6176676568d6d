package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import no.kontakt.Kontakt;
import no.kontakt.testing.Browsers;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Both pages at once, in two real browsers: a citizen asks for contact in the web chat; a staff member logged in
 * on the inbox sees it arrive live, opens it, takes over and replies; the reply appears in the citizen's chat,
 * and the citizen's answer appears in the inbox. Nothing but the two pages is used.
 */
@ExtendWith(Browsers.class)
class CitizenAndStaffPagesTest {
    @TempDir
    static Path dir;
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    static Kontakt kontakt;

    @BeforeAll
    static void start() {
        var env = TestKontakt.env(dir);
        kontakt = Kontakt.create(TestKontakt.config(env), env::get, clock).serve();
        kontakt.accounts().add("kari", "staff", InboxPageTest.PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
    }

    @Test
    void a_contact_request_from_the_chat_reaches_the_inbox_live_and_the_staff_reply_reaches_the_chat(Browsers browsers) {
        WebDriver staff = InboxPageTest.openInbox(browsers, kontakt.port());
        InboxPageTest.logInByKeyboard(staff, "kari", InboxPageTest.PASSWORD);

        WebDriver citizen = browsers.open();
        citizen.get("http://127.0.0.1:" + kontakt.port() + "/chat?lang=nb");
        ChatPageTest.wait(citizen).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        ChatPageTest.type(citizen, "hei");
        ChatPageTest.message(citizen, "bot", "Svar med et tall");
        ChatPageTest.quickReply(citizen, "1");
        ChatPageTest.message(citizen, "bot", "Hva vil du snakke om?");
        ChatPageTest.type(citizen, "Jeg har det tungt etter behandlingen");
        ChatPageTest.message(citizen, "bot", "Skal vi ringe deg");
        ChatPageTest.quickReply(citizen, "2");
        ChatPageTest.message(citizen, "bot", "Når passer det");
        ChatPageTest.type(citizen, "så fort som mulig");
        ChatPageTest.message(citizen, "bot", "Hva vil du at vi skal kalle deg?");
        ChatPageTest.type(citizen, "Sara");
        ChatPageTest.message(citizen, "bot", "Hva er viktig for deg nå?");
        ChatPageTest.type(citizen, "0");
        ChatPageTest.message(citizen, "bot", "kriseplan");
        ChatPageTest.type(citizen, "0");
        ChatPageTest.message(citizen, "bot", "Hvilket telefonnummer kan vi nå deg på?");
        ChatPageTest.type(citizen, "+47 455 12 345");
        ChatPageTest.message(citizen, "bot", "Takk, Sara!");

        String session = (String) ((JavascriptExecutor) citizen).executeScript("return sessionStorage.getItem('kontakt.chat.session')");
        String id = kontakt.conversations().conversationId("web", session);

        // The staff page was loaded before the citizen wrote: the conversation arrives live, without a reload.
        WebElement item = InboxPageTest.waitFor(staff, By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']"));
        item.click();
        InboxPageTest.waitFor(staff, By.xpath("//*[contains(., 'SMS') and contains(., '345')]"));
        InboxPageTest.waitFor(staff, By.xpath("//ol[@id='timeline']//li[contains(@class,'msg-in')][contains(., 'Jeg har det tungt')]"));
        Browsers.assertAccessible(staff);
        InboxPageTest.wait(staff).until(ExpectedConditions.elementToBeClickable(By.id("takeover"))).click();
        ChatPageTest.wait(citizen).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.note-joined")));

        WebElement reply = InboxPageTest.wait(staff).until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
        reply.sendKeys("Hei Sara, jeg heter Kari og jobber her. Vil du fortelle litt mer?");
        staff.findElement(By.id("reply-send")).click();

        WebElement arrived = ChatPageTest.message(citizen, "staff", "Vil du fortelle litt mer?");
        assertThat(arrived.getText()).contains("Hei Sara");
        Browsers.assertAccessible(citizen);

        ChatPageTest.type(citizen, "Ja, jeg sover nesten ikke");
        InboxPageTest.waitFor(staff, By.xpath("//ol[@id='timeline']//li[contains(@class,'msg-in')][contains(., 'jeg sover nesten ikke')]"));
        assertThat(kontakt.stores().conversations().find(id).orElseThrow().channel()).isEqualTo("web");
    }
}
