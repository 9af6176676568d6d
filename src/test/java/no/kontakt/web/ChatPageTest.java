package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.kontakt.Kontakt;
import no.kontakt.config.ConfigLoader;
import no.kontakt.store.ContactRequest;
import no.kontakt.testing.Api;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's chat page in real headless Chromium: a contact request from the menu to the confirmation, a risk
 * message, a staff reply arriving live, sending by keyboard alone, a reload that keeps the conversation, and the
 * chat embedded with one script tag on an allowed site (and refused on another). axe on every state.
 */
@ExtendWith(Browsers.class)
class ChatPageTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path dir;
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    static Kontakt kontakt;
    static HttpServer municipality;
    static HttpServer stranger;

    @BeforeAll
    static void start() throws Exception {
        municipality = site();
        stranger = site();
        var env = TestKontakt.env(dir.resolve("store"));
        Path file = dir.resolve("kontakt.yaml");
        Files.writeString(file, Files.readString(Path.of("config/kontakt.yaml"))
                .replace("embed_origins: []", "embed_origins: [\"http://127.0.0.1:" + municipality.getAddress().getPort() + "\"]"));
        kontakt = Kontakt.create(new ConfigLoader(env::get).load(file), env::get, clock).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
    }

    /** A municipality's page that embeds the chat with one script tag. */
    static HttpServer site() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = "<!doctype html><html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Kommunen</title></head>"
                    + "<body><main><h1>Psykisk helse i kommunen</h1><p>Velkomen.</p></main>"
                    + "<script src=\"http://localhost:" + kontakt.port() + "/assets/embed.js\" defer></script></body></html>";
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
        if (municipality != null) {
            municipality.stop(0);
            stranger.stop(0);
        }
    }

    static WebDriver chat(Browsers browsers) {
        WebDriver driver = browsers.open();
        driver.get("http://localhost:" + kontakt.port() + "/chat?lang=nb");
        wait(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return driver;
    }

    static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    /** Waits for a message in the list from {@code from} (bot, staff, citizen) that contains {@code text}. */
    static WebElement message(WebDriver driver, String from, String text) {
        return wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//ol[@id='messages']/li[contains(@class,'msg-" + from + "')][contains(., \"" + text + "\")]")));
    }

    static void type(WebDriver driver, String text) {
        WebElement input = driver.findElement(By.id("message"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    static void quickReply(WebDriver driver, String value) {
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#quick-replies button.quick[data-value='" + value + "']")))
                .click();
    }

    @Test
    void a_citizen_asks_to_be_contacted_from_the_menu_to_the_confirmation(Browsers browsers) throws Exception {
        WebDriver driver = chat(browsers);
        assertThat(driver.findElement(By.id("sos-emergency")).getText()).isEqualTo("113");
        assertThat(driver.findElement(By.id("sos-emergency")).getAttribute("href")).isEqualTo("tel:113");
        assertThat(driver.findElement(By.id("sos-crisis")).getAttribute("href")).isEqualTo("tel:116123");
        assertThat(driver.findElement(By.className("bot-notice")).getText()).contains("bot, ikke et menneske");
        Browsers.assertAccessible(driver);

        driver.findElement(By.id("start")).click();
        message(driver, "bot", "Svar med et tall");
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#quick-replies button.quick")));
        if (Boolean.getBoolean("screenshots.update")) {
            Browsers.screenshot(driver, Path.of("src/site/screenshots/chat.png"));
        }
        quickReply(driver, "1");
        message(driver, "bot", "Hva vil du snakke om?");
        type(driver, "Jeg sover dårlig");
        message(driver, "bot", "Skal vi ringe deg");
        quickReply(driver, "1");
        message(driver, "bot", "Når passer det");
        type(driver, "etter 16");
        message(driver, "bot", "Hva vil du at vi skal kalle deg?");
        type(driver, "Ola");
        message(driver, "bot", "Hva er viktig for deg nå?");
        type(driver, "0");
        message(driver, "bot", "kriseplan");
        type(driver, "0");
        // The web chat has no number to call back: the script asks for one, and a wrong one again.
        message(driver, "bot", "Hvilket telefonnummer kan vi nå deg på?");
        type(driver, "ring meg");
        message(driver, "bot", "Skriv nummeret med sifre");
        type(driver, "912 34 567");
        WebElement confirmation = message(driver, "bot", "Takk, Ola!");
        assertThat(confirmation.getText()).contains("Kontakt (bot)");
        Browsers.assertAccessible(driver);

        List<ContactRequest> requests = kontakt.stores().contactRequests().all().stream()
                .filter(r -> "Ola".equals(r.name())).toList();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.conversationId()).startsWith("web-");
            assertThat(r.channel()).isEqualTo("call");
            assertThat(r.topic()).isEqualTo("Jeg sover dårlig");
            assertThat(r.phone()).isEqualTo("91234567");
            assertThat(r.status()).isEqualTo(ContactRequest.OPEN);
        });
        String conversation = requests.get(0).conversationId();
        wait(driver).until(d -> kontakt.stores().messages().ofConversation(conversation).stream()
                .filter(m -> m.body().startsWith("Takk, Ola!"))
                .allMatch(m -> kontakt.stores().deliveries().find(m.id()).map(x -> x.status().equals("delivered")).orElse(false)));

        driver.navigate().refresh();
        wait(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        message(driver, "bot", "Takk, Ola!");
        assertThat(driver.findElements(By.cssSelector("#messages li.msg"))).as("the conversation is back, once")
                .hasSize(kontakt.stores().messages().ofConversation(conversation).size());
        assertThat(driver.findElement(By.id("intro")).isDisplayed()).isFalse();
    }

    @Test
    void a_risk_message_shows_the_emergency_numbers_and_a_staff_reply_arrives_live(Browsers browsers) {
        WebDriver driver = chat(browsers);
        assertThat(driver.findElement(By.id("emergency")).isDisplayed()).isFalse();
        type(driver, "hei");
        message(driver, "bot", "Svar med et tall");
        type(driver, "jeg vil ikke leve lenger");
        WebElement notice = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("urgent-notice")));
        assertThat(notice.getText()).contains("113").contains("116 123");
        WebElement emergency = driver.findElement(By.id("emergency"));
        assertThat(emergency.isDisplayed()).isTrue();
        assertThat(emergency.findElements(By.cssSelector("a[href^='tel:']"))).extracting(WebElement::getText)
                .containsExactly("113", "116 123", "116 117");
        assertThat(driver.findElement(By.id("sos-more")).getAttribute("aria-expanded")).isEqualTo("true");
        message(driver, "bot", "113");
        Browsers.assertAccessible(driver);

        String session = (String) ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('kontakt.chat.session')");
        assertThat(driver.manage().getCookies()).as("no cookie for the citizen").isEmpty();
        String id = kontakt.conversations().conversationId("web", session);
        assertThat(kontakt.stores().conversations().find(id).orElseThrow().urgent()).isTrue();
        Api staff = new Api(kontakt.port());
        staff.login("kari", "a long staff password");
        assertThat(staff.post("/api/inbox/conversations/" + id + "/takeover", "{}").status()).isEqualTo(200);
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.note-joined")));
        staff.post("/api/inbox/conversations/" + id + "/typing", "{}");
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
        staff.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Hei, jeg er her nå. Er du trygg akkurat nå?\"}");
        WebElement reply = message(driver, "staff", "Er du trygg akkurat nå?");
        assertThat(reply.getText()).contains("En av oss").doesNotContain("kari");
        Browsers.assertAccessible(driver);
    }

    @Test
    void a_citizen_can_chat_with_the_keyboard_alone(Browsers browsers) {
        WebDriver driver = chat(browsers);
        Actions keys = new Actions(driver);
        int tabs = 0;
        while (!"message".equals(driver.switchTo().activeElement().getAttribute("id")) && tabs < 20) {
            keys.sendKeys(Keys.TAB).perform();
            tabs++;
        }
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the message field is reachable by Tab").isEqualTo("message");
        keys.sendKeys("hei").keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).sendKeys("der").perform();
        assertThat(driver.findElement(By.id("message")).getAttribute("value")).isEqualTo("hei\nder");
        assertThat(driver.findElements(By.cssSelector("#messages li"))).as("Shift+Enter does not send").isEmpty();
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.BACK_SPACE).sendKeys("hei").sendKeys(Keys.ENTER).perform();
        message(driver, "citizen", "hei");
        message(driver, "bot", "Svar med et tall");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("message");
        assertThat(driver.findElement(By.id("message")).getAttribute("value")).isEmpty();

        int back = 0;
        while (!"quick".equals(driver.switchTo().activeElement().getAttribute("class")) && back < 10) {
            keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            back++;
        }
        if (driver.switchTo().activeElement().getText().startsWith("5 ")) { // the last choice is for relatives
            keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        WebElement option = driver.switchTo().activeElement();
        assertThat(option.getText()).startsWith("4 ");
        keys.sendKeys(Keys.ENTER).perform();
        message(driver, "bot", "Jeg sender samtalen til en av oss");

        driver.findElement(By.id("sos-more")).sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.id("emergency")).isDisplayed()).isTrue();
        Browsers.assertAccessible(driver);

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(206, 457)); // the phone at 200 % zoom
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(260);
        assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("readable at 200 % zoom without scrolling sideways").isEqualTo(true);
        assertThat(driver.findElement(By.id("sos-emergency")).isDisplayed()).isTrue();
    }

    @Test
    void one_script_tag_embeds_the_chat_on_an_allowed_site_and_the_browser_refuses_it_elsewhere(Browsers browsers) {
        WebDriver driver = browsers.open();
        driver.get("http://127.0.0.1:" + municipality.getAddress().getPort() + "/");
        WebElement open = wait(driver).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Chat med oss']")));
        open.click();
        assertThat(open.getAttribute("aria-expanded")).isEqualTo("true");
        WebElement frame = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#kontakt-chat-panel iframe")));
        driver.switchTo().frame(frame);
        wait(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nn");
        assertThat(driver.findElement(By.id("sos-emergency")).getText()).isEqualTo("113");
        type(driver, "hei");
        message(driver, "bot", "Svar med eit tal");
        Browsers.assertAccessible(driver);
        driver.findElement(By.id("close-chat")).click();
        driver.switchTo().defaultContent();
        wait(driver).until(d -> "false".equals(open.getAttribute("aria-expanded")));
        assertThat(driver.findElement(By.id("kontakt-chat-panel")).isDisplayed()).isFalse();
        assertThat(driver.switchTo().activeElement()).isEqualTo(open);

        driver.get("http://127.0.0.1:" + stranger.getAddress().getPort() + "/");
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Chat med oss']"))).click();
        WebElement refused = wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kontakt-chat-panel iframe")));
        driver.switchTo().frame(refused);
        wait(driver).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.findElements(By.id("chat-form"))).as("a site not in embed_origins cannot show the chat").isEmpty();
    }
}
