package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import no.kontakt.Kontakt;
import no.kontakt.testing.Browsers;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Each page, as it first loads, in real headless Chromium: it renders, loads nothing from elsewhere, and axe finds no serious or critical violation. */
@ExtendWith(Browsers.class)
class PagesAccessibilityTest {
    @TempDir
    static Path dir;
    static Kontakt kontakt;

    @BeforeAll
    static void start() {
        kontakt = TestKontakt.start(dir, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (kontakt != null) {
            kontakt.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/chat", "/inbox", "/admin"})
    void page_loads_and_has_no_serious_accessibility_violations(String path, Browsers browsers) {
        WebDriver driver = browsers.open();
        driver.get("http://127.0.0.1:" + kontakt.port() + path);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isNotBlank();
        Browsers.assertAccessible(driver);
    }
}
