package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import no.kontakt.Kontakt;
import no.kontakt.channel.OutboundMessage;
import no.kontakt.store.Batch;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.StaffStores;
import no.kontakt.testing.Browsers;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff page {@code /inbox} in real headless Chromium, on a real server: a citizen's SMS (signed as Twilio
 * signs it) arrives in the queue live, staff open it and reply by keyboard alone, the reply reaches the citizen.
 */
@ExtendWith(Browsers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the screenshot first, while the queue holds only its conversations
class InboxPageTest {
    static final String CITIZEN = "+4791234567";
    static final String PASSWORD = "a long staff password";

    static final Instant TUESDAY_10 = Instant.parse("2026-11-24T09:00:00Z"); // 10:00 in Oslo: the office is open

    // One server for the class (starting one trains the classifier: seconds); each test has its own citizens.
    @TempDir
    static Path data;
    static MutableClock clock = new MutableClock(TUESDAY_10);
    static RecordingSender sms = new RecordingSender();
    static Kontakt kontakt;
    static TwilioRequests twilio;

    @BeforeAll
    static void start() {
        var env = TestKontakt.env(data);
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", PASSWORD.toCharArray());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
    }

    /** Moves the shared clock on to at least this time (never back: other tests' conversations stay sensible). */
    static void atLeast(Instant time) {
        if (clock.instant().isBefore(time)) {
            clock.set(time);
        }
    }

    @Test
    @Order(1)
    void the_queue_shows_urgent_first_with_ticking_clocks_and_a_conversation_opens_beside_it(Browsers browsers) {
        clock.set(Instant.parse("2026-11-23T19:10:00Z")); // Monday 20:10 in Oslo: the office is closed
        String overnight = askForContact("+4790011001", "Får ikke sove og grubler mye", "Sara");
        clock.set(Instant.parse("2026-11-24T07:40:00Z")); // Tuesday 08:40
        twilio.sms("+4790011002", "hei");
        twilio.sms("+4790011002", "4"); // write with one of us
        String person = kontakt.conversations().conversationId("sms", "+4790011002");
        clock.set(Instant.parse("2026-11-24T08:20:00Z"));
        String jonas = askForContact("+4790011003", "Vil snakke med noen om rus", "Jonas");
        clock.set(Instant.parse("2026-11-24T08:52:00Z"));
        twilio.sms("+4790011004", "jeg orker ikke mer, vil ikke leve lenger");
        String urgent = kontakt.conversations().conversationId("sms", "+4790011004");
        clock.set(Instant.parse("2026-11-24T08:57:00Z"));
        var kari = new no.kontakt.inbox.Staff("kari", "staff");
        kontakt.inbox().takeover(jonas, kari);
        kontakt.inbox().reply(jonas, kari, "Hei Jonas, jeg heter Kari og er sykepleier her. Vil du at jeg ringer deg i dag?");
        clock.set(Instant.parse("2026-11-24T08:59:00Z"));
        twilio.sms("+4790011003", "Ja takk, gjerne etter kl. 12");
        kontakt.inbox().note(jonas, kari, "Ringer etter 12. Har gått på Rusbehandling før.");
        clock.set(TUESDAY_10);

        WebDriver driver = openInbox(browsers, kontakt.port());
        logInByKeyboard(driver, "kari", PASSWORD);
        wait(driver).until(d -> d.findElements(By.cssSelector("#queue-list a.queue-item")).size() == 4);
        var items = driver.findElements(By.cssSelector("#queue-list a.queue-item"));
        assertThat(items.stream().map(e -> e.getAttribute("data-id")).toList()).containsExactly(urgent, overnight, person, jonas);
        assertThat(items.get(0).getAttribute("textContent")).startsWith("Haster ***1004");
        assertThat(items.get(1).getAttribute("textContent")).contains("Fra forrige vakt ***1001", "brukt 2 t 0 min av fristen på 7 t 30 min")
                .containsPattern("Ventet 13:50:\\d\\d");
        assertThat(items.get(3).getText()).contains("Tatt over av kari").doesNotContain("Ventet");
        String before = items.get(2).findElement(By.className("qi-clock")).getText();
        wait(driver).until(d -> !items.get(2).findElement(By.className("qi-clock")).getText().equals(before)); // the clock ticks

        items.get(3).click();
        wait(driver).until(d -> text(d, "timeline").contains("Ja takk, gjerne etter kl. 12"));
        assertThat(items.get(3).getAttribute("aria-current")).isEqualTo("true");
        assertThat(text(driver, "timeline")).contains("Notat fra kari: Ringer etter 12.", "kari tok over samtalen");
        assertThat(driver.findElement(By.id("takeover")).isDisplayed()).as("already mine").isFalse();
        assertThat(driver.findElement(By.id("handback")).isDisplayed()).isTrue();
        Browsers.assertAccessible(driver);
        if (Boolean.getBoolean("screenshots.update")) {
            long chrome = (Long) js(driver, "return window.outerHeight - window.innerHeight;");
            driver.manage().window().setSize(new Dimension(1280, 900 + (int) chrome)); // a 1280 × 900 page
            wait(driver).until(d -> ((Long) js(d, "return window.innerHeight;")) == 900);
            Browsers.screenshot(driver, Path.of("src", "site", "screenshots", "inbox.png"));
        }
    }

    @Test
    @Order(2)
    void a_contact_request_arrives_live_and_staff_open_it_take_over_and_reply_by_keyboard_then_close_it(Browsers browsers) {
        atLeast(TUESDAY_10);
        WebDriver driver = openInbox(browsers, kontakt.port());
        Browsers.assertAccessible(driver); // the login form
        logInByKeyboard(driver, "kari", PASSWORD);
        waitFor(driver, By.id("office-state"));
        Browsers.assertAccessible(driver); // the queue
        js(driver, "window.stillTheSamePage = true;");
        js(driver, "document.querySelector('.skip-link').focus();");
        press(driver, Keys.ENTER); // the skip link
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        assertThat(driver.findElement(By.id("queue-view")).isDisplayed()).isTrue();

        String id = askForContact(CITIZEN, "Jeg sover dårlig og er bekymret", "Nora");
        WebElement item = waitFor(driver, By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']"));
        assertThat(item.getText()).contains("***4567", "Venter på kontakt", "1 kontaktforespørsel", "Ventet");
        assertThat(js(driver, "return window.stillTheSamePage === true;")).as("arrived without a reload").isEqualTo(true);
        wait(driver).until(d -> d.findElement(By.id("announcer")).getText().contains("***4567"));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the arrival took no focus").isEqualTo("main");

        tabUntil(driver, e -> id.equals(e.getAttribute("data-id")));
        press(driver, Keys.ENTER);
        wait(driver).until(d -> "conversation-heading".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(text(driver, "timeline")).contains("Jeg sover dårlig og er bekymret", "Boten: innbyggeren ba om å bli kontaktet");
        assertThat(text(driver, "requests-here")).contains("Nora", "SMS, så fort som mulig", "Tema: Jeg sover dårlig og er bekymret");
        Browsers.assertAccessible(driver); // an open conversation

        press(driver, Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("takeover");
        press(driver, Keys.ENTER);
        wait(driver).until(d -> "reply-text".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(text(driver, "conversation-meta")).contains("Tatt over av kari");
        String reply = "Hei Nora, jeg heter Kari og jobber her. Passer det at jeg ringer deg i ettermiddag?";
        new Actions(driver).sendKeys(reply).perform();
        press(driver, Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-send");
        press(driver, Keys.ENTER);

        OutboundMessage sent = wait(driver).until(d -> sms.sent().stream().filter(m -> m.body().equals(reply)).findFirst().orElse(null));
        assertThat(sent.to()).isEqualTo(CITIZEN);
        wait(driver).until(d -> text(d, "timeline").contains(reply));
        assertThat(driver.findElement(By.id("reply-text")).getAttribute("value")).isEmpty();

        twilio.sms(CITIZEN, "Ja, det passer fint etter 14");
        wait(driver).until(d -> text(d, "timeline").contains("Ja, det passer fint etter 14"));

        new Select(driver.findElement(By.id("close-outcome"))).selectByVisibleText("Kontakt opprettet");
        driver.findElement(By.id("close-comment")).sendKeys("ringer kl. 14");
        driver.findElement(By.id("close")).click();
        wait(driver).until(d -> text(d, "conversation-meta").startsWith("Lukket"));
        assertThat(text(driver, "timeline")).contains("kari lukket samtalen. Utfall: Kontakt opprettet: ringer kl. 14");
        assertThat(driver.findElement(By.id("reopen")).isDisplayed()).isTrue();
        wait(driver).until(d -> d.findElements(By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']")).isEmpty());
        assertThat(js(driver, "return window.stillTheSamePage === true;")).isEqualTo(true);
        driver.findElement(By.id("reopen")).click();
        wait(driver).until(d -> text(d, "conversation-meta").startsWith("Venter på kontakt"));
        waitFor(driver, By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']")); // back in the queue

        driver.findElement(By.id("logout")).click();
        wait(driver).until(d -> d.findElement(By.id("login-view")).isDisplayed());
        assertThat(text(driver, "login-message")).isEqualTo("Du er logget ut.");
        driver.navigate().refresh(); // the cookie's session is gone too
        waitFor(driver, By.id("username"));
        assertThat(driver.findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    @Test
    @Order(3)
    void appointments_with_their_answer_contact_requests_offers_canned_replies_errors_and_a_lapsed_login(Browsers browsers) {
        atLeast(TUESDAY_10);
        saveCannedReply(kontakt, "velkommen", Map.of("nb", "Hei! Jeg heter Kari og jobber her.", "en", "Hi! I am Kari and I work here."));
        String citizen = "+4792220001";
        twilio.sms(citizen, "hei");
        twilio.sms(citizen, "4");
        String id = kontakt.conversations().conversationId("sms", citizen);
        for (String text : new String[] {"hei", "2", "7", "3", "ja"}) {
            twilio.sms("+4792220002", text); // takes a seat on the day trip
        }
        String seated = kontakt.conversations().conversationId("sms", "+4792220002");

        WebDriver driver = openInbox(browsers, kontakt.port());
        logInByKeyboard(driver, "kari", PASSWORD);
        twilio.sms("+4792220009", "jeg vil ta livet mitt i kveld"); // arrives while staff look at the queue
        String urgent = kontakt.conversations().conversationId("sms", "+4792220009");
        wait(driver).until(d -> text(d, "announcer").contains("Haster: ***0009 trenger oppfølging nå."));
        var classes = driver.findElements(By.cssSelector("#queue-list a.queue-item")).stream()
                .map(e -> e.getAttribute("data-id") + " " + e.getAttribute("class")).toList();
        int at = classes.indexOf(urgent + " queue-item urgent");
        assertThat(at).as("listed as urgent: " + classes).isNotNegative();
        assertThat(classes.subList(0, at)).as("only urgent ones before it").allMatch(c -> c.endsWith(" urgent"));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("announced, not focused").isEqualTo("queue-heading");
        waitFor(driver, By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']")).click();
        wait(driver).until(d -> text(d, "conversation-heading").contains("***0001"));

        new Select(driver.findElement(By.id("canned"))).selectByValue("velkommen");
        driver.findElement(By.id("canned-use")).click();
        assertThat(driver.findElement(By.id("reply-text")).getAttribute("value")).isEqualTo("Hei! Jeg heter Kari og jobber her.");

        driver.findElement(By.id("takeover")).click();
        wait(driver).until(d -> d.findElement(By.id("handback")).isDisplayed());
        driver.findElement(By.id("handback")).click();
        wait(driver).until(d -> text(d, "conversation-meta").startsWith("Hos boten"));
        assertThat(text(driver, "timeline")).contains("kari tok over samtalen", "kari ga samtalen tilbake til boten");
        driver.findElement(By.id("note-text")).sendKeys("Ønsker å bli ringt, ikke SMS.");
        driver.findElement(By.id("note-save")).click();
        wait(driver).until(d -> text(d, "timeline").contains("Notat fra kari: Ønsker å bli ringt, ikke SMS."));

        book(driver, "2026-11-20T10:00"); // in the past: the API's message is shown
        wait(driver).until(d -> text(d, "conversation-error").contains("The appointment must be in the future."));
        book(driver, "2026-11-26T14:00"); // a local time in the unit's time zone, whatever the browser's
        wait(driver).until(d -> text(d, "appointments-here").contains("torsdag 26. november kl. 14:00"));
        assertThat(text(driver, "appointments-here")).contains("Kirkegata 1, med Kari, sykepleier", "Ikke svart ennå");
        assertThat(text(driver, "conversation-error")).isEmpty();
        wait(driver).until(d -> sms.sent().stream().anyMatch(m -> m.to().equals(citizen)
                && m.body().startsWith("Du har fått en avtale torsdag kl. 14.00, Kirkegata 1, med Kari, sykepleier.")));
        twilio.sms(citizen, "JA");
        wait(driver).until(d -> text(d, "appointments-here").contains("Ja, kommer"));

        driver.findElement(By.linkText("Avtaler")).click();
        wait(driver).until(d -> text(d, "appointments-rows").contains("Kirkegata 1"));
        assertThat(text(driver, "appointments-rows")).contains("Ja, kommer", "kari");
        Browsers.assertAccessible(driver);

        driver.findElement(By.linkText("Kontaktforespørsler")).click();
        waitFor(driver, By.id("requests-heading"));
        String ali = askForContact("+4792220003", "Trenger noen å snakke med", "Ali"); // arrives while the list is open
        wait(driver).until(d -> text(d, "requests-rows").contains("Ali"));
        assertThat(text(driver, "requests-rows")).contains("Trenger noen å snakke med", "SMS", "så fort som mulig", "Åpen");
        Browsers.assertAccessible(driver);

        driver.findElement(By.linkText("Grupper og kurs")).click();
        WebElement dagstur = waitFor(driver, By.xpath("//tr[th[normalize-space()='Dagstur til hytta med Marborg']]"));
        assertThat(dagstur.getText()).contains("1 av 3");
        dagstur.findElement(By.tagName("button")).click();
        wait(driver).until(d -> text(d, "enrolments-dagstur").contains("Har plass (1)"));
        assertThat(text(driver, "enrolments-dagstur")).contains(seated, "Venteliste (0)");
        assertThat(dagstur.findElement(By.tagName("button")).getAttribute("aria-expanded")).isEqualTo("true");
        Browsers.assertAccessible(driver);

        driver.findElement(By.cssSelector("#enrolments-dagstur a")).click(); // to the seated citizen's conversation
        wait(driver).until(d -> text(d, "conversation-heading").contains("***0002"));
        assertThat(ali).isNotBlank();

        driver.manage().deleteCookieNamed("kontakt_session"); // the login lapses
        driver.findElement(By.cssSelector("input[name=filter][value=all]")).click();
        wait(driver).until(d -> d.findElement(By.id("login-view")).isDisplayed());
        assertThat(text(driver, "login-message")).contains("Du er logget ut");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        assertThat(driver.findElement(By.id("queue-view")).isDisplayed()).isFalse();
    }

    private static void book(WebDriver driver, String localTime) {
        WebElement when = driver.findElement(By.id("appointment-when"));
        js(driver, "arguments[0].value = arguments[1];", when, localTime); // typing into a date field depends on the locale
        WebElement place = driver.findElement(By.id("appointment-place"));
        place.clear();
        place.sendKeys("Kirkegata 1");
        WebElement with = driver.findElement(By.id("appointment-with"));
        with.clear();
        with.sendKeys("Kari, sykepleier");
        driver.findElement(By.id("appointment-book")).click();
    }

    private static String askForContact(String from, String topic, String name) {
        for (String text : new String[] {"hei", "1", topic, "2", "så fort som mulig", name, "0", "0"}) {
            assertThat(twilio.sms(from, text).statusCode()).isEqualTo(200);
        }
        return kontakt.conversations().conversationId("sms", from);
    }

    /** A desktop-sized browser on the inbox's login form (for other page tests too). */
    static WebDriver openInbox(Browsers browsers, int port) {
        WebDriver driver = browsers.open();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get("http://127.0.0.1:" + port + "/inbox");
        waitFor(driver, By.id("username"));
        return driver;
    }

    /** Logs in with the keyboard alone and waits until live updates are connected (so nothing that follows is missed). */
    static void logInByKeyboard(WebDriver driver, String username, String password) {
        wait(driver).until(d -> "username".equals(d.switchTo().activeElement().getAttribute("id")));
        new Actions(driver).sendKeys(username).sendKeys(Keys.TAB).sendKeys(password).sendKeys(Keys.ENTER).perform();
        wait(driver).until(d -> "on".equals(d.findElement(By.id("live-state")).getAttribute("data-live")));
    }

    static WebElement waitFor(WebDriver driver, By by) {
        return wait(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static WebDriverWait wait(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }

    static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void press(WebDriver driver, CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Presses TAB until the focused element is the one wanted (at most 60 times). */
    static void tabUntil(WebDriver driver, Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            if (wanted.test(driver.switchTo().activeElement())) {
                return;
            }
            press(driver, Keys.TAB);
        }
        throw new AssertionError("TAB never reached the element wanted; focus is on " + driver.switchTo().activeElement().getAttribute("outerHTML"));
    }

    static void saveCannedReply(Kontakt kontakt, String id, Map<String, String> texts) {
        Batch batch = new Batch();
        kontakt.stores().staff().saveCanned(batch, new StaffStores.CannedReply(id, texts));
        kontakt.stores().commit(batch);
    }
}
