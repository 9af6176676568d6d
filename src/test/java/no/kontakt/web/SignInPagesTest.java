package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.inbox.Totp;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.Browsers;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login forms in headless Chromium with single sign-on set up (against the mock provider) and
 * {@code KONTAKT_REQUIRE_2FA=all}: the sign-on link on /inbox and /admin, a staff member setting up the second
 * factor in /inbox, then logging in with password and code. axe-core on each state.
 */
@ExtendWith(Browsers.class)
class SignInPagesTest {
    static final String PASSWORD = "a long staff password";

    @TempDir
    static Path data;
    static MockOAuth2Server provider;
    static Kontakt kontakt;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        var env = TestKontakt.env(data);
        env.put("KONTAKT_OIDC_ISSUER", provider.issuerUrl("kommune").toString());
        env.put("KONTAKT_OIDC_CLIENT_ID", "kontakt-test");
        env.put("KONTAKT_REQUIRE_2FA", "all");
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, Clock.systemUTC(),
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("kari", "staff", PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Test
    void both_login_forms_offer_single_sign_on(Browsers browsers) {
        WebDriver driver = browsers.open();
        for (String page : new String[] {"/inbox", "/admin"}) {
            driver.get("http://127.0.0.1:" + kontakt.port() + page);
            WebElement link = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sso a")));
            assertThat(link.getText()).isEqualTo("Logg inn med kommunens pålogging");
            assertThat(link.getAttribute("href")).endsWith("/auth/oidc/login");
            Browsers.assertAccessible(driver);
        }
    }

    @Test
    void a_staff_member_sets_up_the_second_factor_then_logs_in_with_a_code(Browsers browsers) {
        WebDriver driver = browsers.open();
        driver.get("http://127.0.0.1:" + kontakt.port() + "/inbox");
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("kari");
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);

        WebElement key = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret")));
        waiting(driver).until(d -> key.getText().length() >= 32);
        waiting(driver).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('totp-qr'); return i.complete && i.naturalWidth > 0;"));
        Browsers.assertAccessible(driver);
        String secret = key.getText().replace(" ", "");
        long step = Totp.step(Instant.now());
        driver.findElement(By.id("totp-code")).sendKeys("000000".equals(Totp.code(secret, step)) ? "111111" : "000000", Keys.ENTER);
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("totp-error"), "stemmer ikke"));
        WebElement field = driver.findElement(By.id("totp-code"));
        field.clear();
        field.sendKeys(Totp.code(secret, step), Keys.ENTER);
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("whoami")));
        assertThat(new Api(kontakt.port()).login("kari", PASSWORD).json().get("error").asText()).isEqualTo("totp_required");

        // log out, and in again: the code field appears after the password
        driver.findElement(By.id("logout")).click();
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).clear();
        driver.findElement(By.id("username")).sendKeys("kari");
        driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        WebElement code = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "koden"));
        Browsers.assertAccessible(driver);
        code.sendKeys(Totp.code(secret, step + 1), Keys.ENTER); // a fresh code: the next step's, within the accepted skew
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("whoami")));
        assertThat(driver.findElement(By.id("whoami")).getText()).contains("kari");
    }
}
