package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.kontakt.Kontakt;
import no.kontakt.config.AppConfig;
import no.kontakt.flow.Segments;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Browsers;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Call-backs, exports, the reply's SMS cost, a declined appointment, citizen access and rewording, in real headless
 * Chromium on a real server, each page checked with axe-core.
 */
@ExtendWith(Browsers.class)
class RecordsPagesTest {
    static final String STAFF_PASSWORD = "a long staff password";
    static final String ADMIN_PASSWORD = "a long admin password";
    static final String OLD = "Forespørselen er trukket. Skriv MENY om du vil noe mer.";

    @TempDir
    static Path data;
    @TempDir
    static Path scripts;
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    static Kontakt kontakt;
    static TwilioRequests twilio;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(scripts.resolve("tests"));
        try (Stream<Path> files = Files.list(Path.of("conversations"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        for (String t : List.of("paths-contact-nb", "contact-cancel-da")) {
            Files.copy(Path.of("conversations/tests", t + ".yaml"), scripts.resolve("tests").resolve(t + ".yaml"));
        }
        var env = TestKontakt.env(data);
        env.put("KONTAKT_REQUIRE_2FA", "none"); // about records and texts; the second factor has its own tests
        AppConfig c = TestKontakt.config(env);
        AppConfig config = new AppConfig(c.server(), c.store(), c.twilio(), c.unit(), c.emergency(), c.office(), c.ambulant(),
                new AppConfig.Conversations(scripts), c.offers(), c.retention());
        kontakt = Kontakt.create(config, MapDbStorage.open(data), env::get, clock, new Kontakt.Options(Map.of("sms", new RecordingSender()), null))
                .serve();
        kontakt.accounts().add("kari", "staff", STAFF_PASSWORD.toCharArray());
        kontakt.accounts().add("pia", "peer", "a long peer password".toCharArray());
        kontakt.accounts().add("ola", "admin", ADMIN_PASSWORD.toCharArray());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
    }

    static WebDriverWait wait(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebDriver open(Browsers browsers, String page) {
        WebDriver driver = browsers.open();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get("http://127.0.0.1:" + kontakt.port() + page);
        WebElement user = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        wait(driver, 10).until(d -> user.equals(d.switchTo().activeElement()));
        return driver;
    }

    static void logIn(WebDriver driver, String username, String password) {
        new Actions(driver).sendKeys(username).sendKeys(Keys.TAB).sendKeys(password).sendKeys(Keys.ENTER).perform();
    }

    /** Types into the reply box the way a paste does, and waits for the count the server gives. */
    static void reply(WebDriver driver, String text) {
        js(driver, "const t = document.getElementById('reply-text'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));", text);
        Segments s = Segments.of(text);
        String encoding = s.encoding() == Segments.Encoding.GSM7 ? "GSM-7" : "UCS-2";
        wait(driver, 10).until(d -> String.valueOf(s.count()).equals(d.findElement(By.id("reply-cost")).getAttribute("data-segments"))
                && encoding.equals(d.findElement(By.id("reply-cost")).getAttribute("data-encoding")));
    }

    @Test
    void staff_reveal_the_number_as_a_call_link_export_the_journal_text_see_the_reply_cost_and_a_declined_appointment(Browsers browsers) {
        String number = "+4790022001";
        for (String m : new String[] {"hei", "1", "Trenger noen å snakke med", "2", "så fort som mulig", "Ida"}) {
            twilio.sms(number, m);
        }
        String id = kontakt.conversations().conversationId("sms", number);
        kontakt.appointments().book(id, new no.kontakt.inbox.Staff("kari", "staff"), Instant.parse("2026-11-26T13:00:00Z"), "Kirkegata 1", "Kari");
        twilio.sms(number, "nei, jeg jobber da");

        WebDriver driver = open(browsers, "/inbox");
        logIn(driver, "kari", STAFF_PASSWORD);
        WebElement item = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']")));
        assertThat(item.getAttribute("textContent")).contains("Sa nei til timen", "***2001"); // the badge is shown in capitals
        item.click();
        wait(driver, 10).until(d -> d.findElement(By.id("appointments-here")).getText().contains("Grunn: jeg jobber da"));
        assertThat(driver.findElement(By.id("requests-here")).getText()).contains("Sa nei til timen 26.11. 14:00: «jeg jobber da»");

        WebElement reveal = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("reveal-number")));
        assertThat(driver.findElement(By.id("call-link")).isDisplayed()).isFalse();
        reveal.click();
        WebElement call = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-link")));
        assertThat(call.getAttribute("href")).isEqualTo("tel:" + number);
        assertThat(call.getText()).isEqualTo("Ring " + number);
        assertThat(driver.switchTo().activeElement()).isEqualTo(call);
        assertThat(kontakt.stores().staff().auditTrail()).anyMatch(e -> e.action().equals("reveal_number") && id.equals(e.conversationId())
                && e.username().equals("kari"));

        String journal = driver.findElement(By.id("export-text")).getAttribute("href");
        assertThat(journal).endsWith("/api/inbox/conversations/" + id + "/export.txt");
        assertThat(driver.findElement(By.id("export-fhir")).getAttribute("href")).endsWith("/export.fhir.json");
        Object text = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then((r) => r.text()).then(done);", journal);
        assertThat((String) text).contains("Samtale-ID: " + id, "Innbygger: Trenger noen å snakke med", "Time avtalt");

        reply(driver, "Hei Ida, jeg ringer deg i dag.");
        assertThat(driver.findElement(By.id("reply-cost")).getText()).isEqualTo(", 1 SMS-del (GSM-7)");
        assertThat(driver.findElement(By.id("reply-cost-warning")).getText()).isEmpty();
        reply(driver, "Hei Ida, jeg ringer deg i dag – passer det?"); // an en dash is not GSM-7
        assertThat(driver.findElement(By.id("reply-cost")).getText()).isEqualTo(", 1 SMS-del (UCS-2)");
        assertThat(driver.findElement(By.id("reply-cost-warning")).getText()).contains("bare 70 tegn", "–");
        String longReply = "Takk for at du skrev. ".repeat(20);
        reply(driver, longReply);
        assertThat(driver.findElement(By.id("reply-cost")).getText()).isEqualTo(", " + Segments.of(longReply).count() + " SMS-deler (GSM-7)");
        assertThat(driver.findElement(By.id("reply-cost-warning")).getText()).contains("sendes som 3 SMS-er");
        Browsers.assertAccessible(driver);
    }

    @Test
    void a_peer_worker_sees_no_reveal_and_no_export(Browsers browsers) {
        twilio.sms("+4790022002", "hei");
        twilio.sms("+4790022002", "4");
        String id = kontakt.conversations().conversationId("sms", "+4790022002");
        WebDriver driver = open(browsers, "/inbox");
        logIn(driver, "pia", "a long peer password");
        wait(driver, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#queue-list a.queue-item[data-id='" + id + "']"))).click();
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-text")));
        assertThat(driver.findElement(By.id("records-box")).isDisplayed()).isFalse();
        Browsers.assertAccessible(driver);
    }

    @Test
    void an_admin_takes_out_everything_about_a_number_and_rewords_a_text_accepting_it_in_the_transcripts(Browsers browsers) {
        twilio.sms("+4790022003", "hei");
        WebDriver driver = open(browsers, "/admin");
        logIn(driver, "ola", ADMIN_PASSWORD);
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("who-name")));

        driver.findElement(By.cssSelector("#nav a[href='#innsyn']")).click();
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("access-number"))).sendKeys("900 22 003", Keys.ENTER);
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("access-result")));
        assertThat(driver.findElement(By.id("access-summary")).getText()).contains("1 samtale", "0 kontaktønsker");
        assertThat(driver.findElement(By.id("access-html")).getAttribute("href")).startsWith("blob:");
        assertThat(driver.findElement(By.id("access-html")).getAttribute("download")).isEqualTo("innsyn-4790022003.html");
        assertThat(driver.findElement(By.id("access-status")).getText()).contains("+4790022003", "logget");
        Browsers.assertAccessible(driver);

        driver.findElement(By.cssSelector("#nav a[href='#samtaler']")).click();
        driver.get("http://127.0.0.1:" + kontakt.port() + "/admin#samtaler/contact_cancel");
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("script-editor")));
        new CodeEditor(driver, "script-editor").waitForText(OLD).find(OLD) // selected: typing replaces it
                .type("Forespørselen din er trukket. Skriv MENY hvis du vil noe mer.");
        driver.findElement(By.id("publish")).click();
        wait(driver, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("reword")));
        driver.findElement(By.id("reword-review")).click();
        WebElement accept = wait(driver, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("reword-accept")));
        assertThat(driver.findElement(By.cssSelector("#reword-diff del")).getText()).isEqualTo(OLD);
        assertThat(driver.findElement(By.cssSelector("#reword-diff ins")).getText()).isEqualTo("Forespørselen din er trukket. Skriv MENY hvis du vil noe mer.");
        assertThat(driver.findElement(By.id("reword-diff")).getText()).contains("paths-contact-nb.yaml");
        Browsers.assertAccessible(driver);
        accept.click();
        wait(driver, 60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reword-status"), "har fått de nye tekstene"));
        driver.findElement(By.id("publish")).click();
        wait(driver, 60).until(ExpectedConditions.textMatches(By.id("script-status"), java.util.regex.Pattern.compile("Publisert: contact_cancel versjon 2")));
    }
}
