package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import no.kontakt.Kontakt;
import no.kontakt.config.AppConfig;
import no.kontakt.testing.Browsers;
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
 * The coordinator's page in real headless Chromium: log in by keyboard, break the contact script while typing
 * and see the error at its line (the gutter and the problem list, which moves the caret there), have a publish
 * refused for it, fix it, publish, and see the new version answer a citizen; roll back; the diagram and its
 * text alternative; the settings editor; the statistics. axe runs on every state visited.
 *
 * <p>Kontakt runs on a copy of {@code conversations/} that keeps only the contact transcripts, so that each
 * publish replays four transcripts rather than all of them ({@code ScriptAdminApiTest} covers the whole gate).
 */
@ExtendWith(Browsers.class)
class AdminPageTest {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    static Path data;
    @TempDir
    static Path scripts;
    static Kontakt kontakt;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(scripts.resolve("tests"));
        try (Stream<Path> files = Files.list(Path.of("conversations"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        for (String t : List.of("contact-anonymous-en", "contact-cancel-da", "contact-happy-path-nb", "paths-contact-fallbacks-nb")) {
            Files.copy(Path.of("conversations/tests", t + ".yaml"), scripts.resolve("tests").resolve(t + ".yaml"));
        }
        var env = TestKontakt.env(data);
        AppConfig c = TestKontakt.config(env);
        AppConfig config = new AppConfig(c.server(), c.store(), c.twilio(), c.unit(), c.emergency(), c.office(), c.ambulant(),
                new AppConfig.Conversations(scripts), c.offers(), c.retention());
        kontakt = Kontakt.start(config, env::get, Clock.systemUTC());
        kontakt.accounts().add("ola", "admin", PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
    }

    private static WebDriverWait waiting(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private WebDriver desktop(Browsers browsers) {
        WebDriver driver = browsers.open();
        driver.manage().window().setSize(new Dimension(1280, 900));
        long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(1280, (int) (900 + 900 - inner))); // a 1280 × 900 page, whatever the window's frame
        return driver;
    }

    /** Each admin's TOTP secret once set up in the page, and the step of the last code used (a code works once). */
    private static final java.util.Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    private static void logIn(WebDriver driver) {
        logIn(driver, "ola", false);
    }

    /**
     * Logs in by keyboard. An admin without a second factor sets it up as a person does (the default
     * {@code KONTAKT_REQUIRE_2FA=admin}): reads the key shown beside the QR code and types the code an
     * authenticator app would show (the real RFC 6238 algorithm); later logins type a fresh code in the code field.
     */
    private static void logIn(WebDriver driver, String username, boolean checkEnrolmentPage) {
        driver.get("http://127.0.0.1:" + kontakt.port() + "/admin");
        WebElement user = waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        waiting(driver, 10).until(d -> user.equals(d.switchTo().activeElement()));
        new Actions(driver).sendKeys(username).sendKeys(Keys.TAB).sendKeys(PASSWORD).sendKeys(Keys.ENTER).perform();
        String secret = SECRETS.get(username);
        if (secret == null) {
            WebElement key = waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret")));
            waiting(driver, 10).until(d -> key.getText().length() >= 32);
            waiting(driver, 10).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "const i = document.getElementById('totp-qr'); return i.complete && i.naturalWidth > 0;"));
            secret = key.getText().replace(" ", "");
            if (checkEnrolmentPage) {
                Browsers.assertAccessible(driver);
            }
            driver.findElement(By.id("totp-code")).sendKeys(code(username, secret), Keys.ENTER);
            SECRETS.put(username, secret);
        } else {
            WebElement field = waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            waiting(driver, 10).until(d -> field.equals(d.switchTo().activeElement()));
            field.sendKeys(code(username, secret), Keys.ENTER); // the password is still in its field
        }
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("who-name")));
    }

    /** A code not used before: this step's, or the next one's (one step of skew is accepted) when this step's was used. */
    private static String code(String username, String secret) {
        long now = no.kontakt.inbox.Totp.step(java.time.Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(username, 0L) + 1);
        // a third login within one step: the server accepts this step and the next only, so wait for the next step
        while (step > now + 1) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = no.kontakt.inbox.Totp.step(java.time.Instant.now());
        }
        assertThat(step).as("a fresh code within one step").isLessThanOrEqualTo(now + 1);
        LAST_STEP.put(username, step);
        return no.kontakt.inbox.Totp.code(secret, step);
    }

    private static int lineOf(String text, String marker) {
        int i = text.indexOf(marker);
        return (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String smsReply(String from, String... messages) {
        TwilioRequests twilio = new TwilioRequests(kontakt.port());
        String last = "";
        for (String m : messages) {
            last = twilio.sms(from, m).body();
        }
        return last;
    }

    @Test
    void the_coordinator_breaks_a_script_sees_the_error_at_its_line_fixes_it_publishes_and_rolls_back(Browsers browsers) throws Exception {
        assertThat(smsReply("+4791000001", "hei", "1", "0", "mobil")).contains("Svar 1 for å bli ringt eller 2 for SMS.");
        WebDriver driver = desktop(browsers);
        driver.get("http://127.0.0.1:" + kontakt.port() + "/admin");
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        Browsers.assertAccessible(driver);
        logIn(driver);

        waiting(driver, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#script-list a[data-script='contact']"))).click();
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("script-editor")));
        CodeEditor editor = new CodeEditor(driver, "script-editor");
        waiting(driver, 10).until(ExpectedConditions.textToBe(By.id("script-problem-summary"), "Ingen feil."));
        String live = Files.readString(Path.of("conversations/contact.yaml"));
        editor.waitForText("start: ask_topic");
        assertThat(live).startsWith(editor.visibleText().lines().limit(12).collect(java.util.stream.Collectors.joining("\n")));
        assertThat(driver.findElements(By.cssSelector("#scripts-view .cm-editor .tok-propertyName"))).as("YAML highlighted").isNotEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript( // CodeMirror's own styles applied under the policy, by the nonce
                "const styles = [...document.querySelectorAll('style')];"
                        + " return styles.length > 0 && styles.every((s) => s.nonce && s.sheet && s.sheet.cssRules.length > 0)"
                        + " && getComputedStyle(document.querySelector('#scripts-view .cm-gutters')).display === 'flex';")).isEqualTo(true);
        int line = lineOf(live, "      next: ask_channel\n");

        // the diagram: every step a box, and the same in text
        waiting(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg g.step[data-id='confirmed']")));
        assertThat(driver.findElements(By.cssSelector("#diagram svg g.step"))).extracting(e -> e.getAttribute("data-id"))
                .containsExactly("ask_topic", "ask_channel", "ask_time", "ask_name", "ask_matters", "ask_support", "create", "ask_number", "no_number", "confirmed", "change");
        assertThat(driver.findElement(By.id("diagram-list")).getText()).contains("ask_topic (start)").contains("utfall: created → confirmed");

        // break it while typing: ask_channel → ask_chanel
        editor.caretAfter("      next: ask_channel").type(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE).type("el");
        waiting(driver, 10).until(d -> editor.markedLines("error").equals(List.of((long) line)));
        WebElement problem = driver.findElement(By.cssSelector("#script-problems li.error button"));
        assertThat(problem.getText()).startsWith("Feil på linje " + line + ":").contains("'ask_chanel' is not a step");
        assertThat(driver.findElement(By.id("script-problem-summary")).getText()).startsWith("1 feil");
        assertThat(editor.lineText(line)).isEqualTo("      next: ask_chanel");
        assertThat(editor.hoverMessage("error")).contains("'ask_chanel' is not a step");

        // the problem list moves the caret to the line, by keyboard
        editor.caretAfter("start: ask_topic");
        assertThat(editor.caretLine()).isEqualTo(lineOf("start: ask_topic"));
        problem.sendKeys(Keys.ENTER);
        waiting(driver, 5).until(d -> "script-editor".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(editor.caretLine()).isEqualTo(line);

        // saved as a draft, the diagram shows the step that does not exist
        driver.findElement(By.id("save-draft")).click();
        waiting(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg g.unknown[data-id='ask_chanel']")));
        assertThat(driver.findElement(By.id("diagram-list")).getText()).contains("ask_chanel (finnes ikke)");
        Browsers.assertAccessible(driver);
        if (Boolean.getBoolean("screenshots.update")) {
            Browsers.screenshot(driver, Path.of("src/site/screenshots/admin.png"));
        }

        // a publish is refused, naming the error and its line
        driver.findElement(By.id("publish")).click();
        WebElement refusal = waiting(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-refusal")));
        assertThat(refusal.getText()).contains("Linje " + line + ": step 'ask_topic': 'ask_chanel' is not a step");
        assertThat(driver.findElement(By.id("script-status")).getText()).contains("Ikke publisert");

        // fix it, and add a word the channel question understands
        editor.caretAfter("      next: ask_chan").type(Keys.DELETE, Keys.DELETE).type("nel");
        editor.caretAfter("keywords: [ring, ").type("mobil, ");
        waiting(driver, 10).until(ExpectedConditions.textToBe(By.id("script-problem-summary"), "Ingen feil."));
        assertThat(editor.markedLines("error")).isEmpty();

        driver.findElement(By.id("run-transcripts")).click();
        waiting(driver, 30).until(ExpectedConditions.textMatches(By.id("transcripts-summary"), java.util.regex.Pattern.compile("4 av 4 testsamtaler gikk bra")));
        assertThat(driver.findElements(By.cssSelector("#transcript-results details.pass"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("#transcript-results tr.pass")).size()).isGreaterThan(20);

        driver.findElement(By.id("publish")).click();
        waiting(driver, 30).until(ExpectedConditions.textMatches(By.id("script-status"), java.util.regex.Pattern.compile("Publisert: contact versjon 2")));
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#versions-body tr[data-version='2']"), "2 (i bruk)"));
        assertThat(smsReply("+4791000002", "hei", "1", "0", "mobil")).contains("Når passer det");

        // roll back to version 1: published again as version 3
        driver.findElement(By.cssSelector("#versions-body tr[data-version='1'] button")).click();
        waiting(driver, 5).until(ExpectedConditions.alertIsPresent()).accept();
        waiting(driver, 30).until(ExpectedConditions.textMatches(By.id("script-status"), java.util.regex.Pattern.compile("Rullet tilbake")));
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#versions-body tr[data-version='3']"), "3 (i bruk)"));
        waiting(driver, 10).until(d -> "      next: ask_channel".equals(editor.lineText(line)));
        assertThat(editor.visibleText()).doesNotContain("mobil, ");
        assertThat(smsReply("+4791000003", "hei", "1", "0", "mobil")).contains("Svar 1 for å bli ringt eller 2 for SMS.");
        Browsers.assertAccessible(driver);

        // the statistics: a chart per counter, each with its table
        driver.findElement(By.cssSelector("#nav a[href='#statistikk']")).click();
        waiting(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stats-charts svg.chart")));
        assertThat(driver.findElement(By.id("stats-charts")).getText()).contains("Nye samtaler");
        assertThat(driver.findElements(By.cssSelector("#stats-charts table.stats-table")))
                .hasSameSizeAs(driver.findElements(By.cssSelector("#stats-charts svg.chart")));
        assertThat(driver.findElement(By.id("stats-csv")).getAttribute("href")).contains("/api/admin/stats.csv?from=");
        Browsers.assertAccessible(driver);
    }

    @Test
    void the_page_admits_only_its_own_scripts_and_the_editors_style_element_by_a_fresh_nonce() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + kontakt.port() + "/admin")).build();
        List<String> nonces = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var page = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            var m = java.util.regex.Pattern.compile("style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'").matcher(policy);
            assertThat(m.find()).as(policy).isTrue();
            assertThat(policy).startsWith("default-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                    .doesNotContain("script-src").contains("frame-ancestors 'none'");
            assertThat(page.body()).contains("<meta name=\"csp-nonce\" content=\"" + m.group(1) + "\">")
                    .contains("<script type=\"module\" src=\"/assets/admin.js\"></script>");
            nonces.add(m.group(1));
        }
        assertThat(nonces.get(0)).isNotEqualTo(nonces.get(1));
        var bundle = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + kontakt.port() + "/assets/admin.js")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(bundle.body()).contains("cm-editor"); // CodeMirror is in the bundle, nothing loaded from elsewhere (default-src 'self')
        var licences = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + kontakt.port() + "/assets/admin.js.LICENSES.txt")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(licences.body()).contains("@codemirror/view").contains("Permission is hereby granted");
    }

    @Test
    void a_saved_draft_with_an_error_opens_with_the_validators_error_at_its_line(Browsers browsers) {
        WebDriver driver = desktop(browsers);
        logIn(driver);
        waiting(driver, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#script-list a[data-script='offers_cancel']"))).click();
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("script-editor")));
        CodeEditor editor = new CodeEditor(driver, "script-editor").waitForText("next:");
        waiting(driver, 10).until(ExpectedConditions.textToBe(By.id("script-problem-summary"), "Ingen feil."));
        assertThat(editor.markedLines("error")).isEmpty();

        // a step name misspelt and saved as a draft
        editor.find("next: ");
        editor.type(Keys.END, "x");
        int line = editor.caretLine();
        String text = editor.lineText(line);
        assertThat(text).contains("next: ").endsWith("x");
        driver.findElement(By.id("save-draft")).click();
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("script-status"), "Utkastet er lagret"));

        // opened again later: the draft, with the validator's error underlined on its line and marked beside it
        driver.navigate().refresh();
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("who-name")));
        waiting(driver, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#script-list a[data-script='offers_cancel']"))).click();
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("script-meta"), "det lagrede utkastet"));
        waiting(driver, 10).until(d -> editor.markedLines("error").equals(List.of((long) line)));
        assertThat(editor.lineText(line)).isEqualTo(text);
        String step = text.substring(text.indexOf("next: ") + 6).trim();
        assertThat(editor.hoverMessage("error")).contains("'" + step + "' is not a step");
        assertThat(driver.findElement(By.cssSelector("#script-problems li.error button")).getText()).startsWith("Feil på linje " + line + ":");
        Browsers.assertAccessible(driver);
    }

    @Test
    void the_settings_editor_shows_a_wrong_time_at_its_line_and_canned_replies_are_added(Browsers browsers) {
        WebDriver driver = desktop(browsers);
        logIn(driver);
        driver.findElement(By.cssSelector("#nav a[href='#innstillinger']")).click();
        Select.byValue(driver, "setting-select", "ambulant_hours");
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("setting-editor")));
        CodeEditor editor = new CodeEditor(driver, "setting-editor").waitForText("periods");
        waiting(driver, 10).until(ExpectedConditions.textToBe(By.id("setting-problem-summary"), "Ingen feil."));
        editor.caretAfter("\"15:30").type(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE).type("25:00");
        int line = editor.caretLine();
        assertThat(editor.lineText(line)).contains("\"25:00\"");
        waiting(driver, 10).until(d -> editor.markedLines("error").equals(List.of((long) line)));
        assertThat(driver.findElement(By.cssSelector("#setting-problems li.error")).getText()).startsWith("Feil på linje " + line + ":");
        Browsers.assertAccessible(driver);

        driver.findElement(By.id("setting-save")).click();
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("setting-status"), "Ikke lagret"));

        // a canned reply, added and shown in the list the inbox reads
        driver.findElement(By.cssSelector("#nav a[href='#ferdigsvar']")).click();
        waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("canned-new-id"))).sendKeys("takk");
        driver.findElement(By.id("canned-new-nb")).sendKeys("Takk for at du tok kontakt.");
        driver.findElement(By.cssSelector("#canned-new button[type=submit]")).click();
        waiting(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("canned-takk-nb")));
        assertThat(driver.findElement(By.id("canned-takk-nb")).getAttribute("value")).isEqualTo("Takk for at du tok kontakt.");
        assertThat(driver.findElement(By.id("canned-status")).getText()).contains("takk er lagret");
        Browsers.assertAccessible(driver);
    }

    @Test
    void a_new_admin_sets_up_the_second_factor_then_adds_changes_and_removes_an_account(Browsers browsers) {
        kontakt.accounts().add("eva", "admin", PASSWORD.toCharArray());
        WebDriver driver = desktop(browsers);
        logIn(driver, "eva", true); // the enrolment page, checked by axe, before anything else

        driver.findElement(By.cssSelector("#nav a[href='#brukere']")).click();
        WebElement table = waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("users-body")));
        waiting(driver, 10).until(d -> table.getText().contains("eva"));
        Browsers.assertAccessible(driver);

        driver.findElement(By.id("new-username")).sendKeys("Per.Hansen@Kommune.no");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("new-role"))).selectByValue("peer");
        driver.findElement(By.id("new-password")).sendKeys("a long peer password");
        driver.findElement(By.cssSelector("#user-form button[type=submit]")).click();
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-status"), "per.hansen@kommune.no er lagt til"));
        assertThat(kontakt.accounts().user("per.hansen@kommune.no").orElseThrow().role()).isEqualTo("peer");
        Browsers.assertAccessible(driver);

        // a peer's login ends when the role changes in the page
        var peer = new no.kontakt.testing.Api(kontakt.port());
        assertThat(peer.login("per.hansen@kommune.no", "a long peer password").status()).isEqualTo(200);
        WebElement row = driver.findElement(By.xpath("//tbody[@id='users-body']/tr[th='per.hansen@kommune.no']"));
        new org.openqa.selenium.support.ui.Select(row.findElement(By.tagName("select"))).selectByValue("staff");
        row.findElement(By.xpath(".//button[text()='Lagre rolle']")).click();
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-status"), "har nå rollen staff"));
        assertThat(peer.get("/api/me").status()).isEqualTo(401);

        WebElement again = driver.findElement(By.xpath("//tbody[@id='users-body']/tr[th='per.hansen@kommune.no']"));
        again.findElement(By.xpath(".//button[text()='Fjern']")).click();
        driver.switchTo().alert().accept();
        waiting(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-status"), "er fjernet"));
        assertThat(kontakt.accounts().user("per.hansen@kommune.no")).isEmpty();
    }

    /** Picks an option of a select by keyboard-free DOM selection and tells the page. */
    private static final class Select {
        static void byValue(WebDriver driver, String id, String value) {
            WebElement select = waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
            new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
        }
    }

    /** The line (from 1) of the shipped contact script that holds this text. */
    private static int lineOf(String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("conversations/contact.yaml"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("not in contact.yaml: " + text);
    }
}
