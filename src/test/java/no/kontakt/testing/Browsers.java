package no.kontakt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium for the page tests: Debian's {@code chromium} and {@code chromium-driver}
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}
 * override them). Nothing is downloaded. Use it as a JUnit extension and take {@link Browsers} as a test
 * parameter; {@link #open()} starts one browser (a test may open two: a citizen and a staff member). When a
 * test fails, every open browser saves a screenshot to {@code target/screenshots/}. All are closed after each
 * test.
 *
 * <p>Where Chromium is not installed the tests are skipped with a message saying how to install it — unless
 * {@code KONTAKT_BROWSER_TESTS=required} (set by {@code .ci/run}), when they fail instead, so CI never skips them.
 * {@link #assertAccessible} runs axe-core (from npm: {@code npm ci --prefix src/test/js}) in the page.
 */
public final class Browsers implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("src", "test", "js", "node_modules", "axe-core", "axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WebDriver> open = new ArrayList<>();
    private String testName = "test";

    static Path chromium() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMIUM_BIN")).orElse("/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER_BIN")).orElse("/usr/bin/chromedriver"));
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        if (!Files.isExecutable(chromium()) || !Files.isExecutable(chromedriver())) {
            return Optional.of("Browser tests skipped: no Chromium at " + chromium() + " and " + chromedriver()
                    + ". Install them with `apt-get install chromium chromium-driver` (or set CHROMIUM_BIN and CHROMEDRIVER_BIN).");
        }
        if (!Files.isReadable(AXE)) {
            return Optional.of("Browser tests skipped: axe-core is not installed. Run `npm ci --prefix src/test/js`.");
        }
        return Optional.empty();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isPresent() && "required".equals(System.getenv("KONTAKT_BROWSER_TESTS"))) {
            throw new IllegalStateException(missing.get().replace("skipped", "required but cannot run"));
        }
        missing.ifPresent(reason -> System.out.println(reason));
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.get());
    }

    /** Starts a headless Chromium with a fresh profile, 412 × 915 CSS pixels (a phone) unless resized. */
    public WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        Path profile;
        try {
            profile = Files.createTempDirectory("kontakt-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=412,915", "--user-data-dir=" + profile, "--lang=nb");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        open.add(driver);
        return driver;
    }

    /** Runs axe-core on the page as it is now and fails on any serious or critical violation, listing them. */
    public static void assertAccessible(WebDriver driver) {
        List<String> found = violations(driver);
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core found " + found.size() + " serious or critical violation(s) on "
                    + driver.getCurrentUrl() + ":\n" + String.join("\n", found));
        }
    }

    /** Serious and critical axe-core violations on the page, one line each (rule, help, the elements). */
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        List<String> lines = new ArrayList<>();
        try {
            JsonNode violations = JSON.readTree(String.valueOf(result));
            if (violations.has("error")) {
                throw new AssertionError("axe-core failed: " + violations.get("error").asText());
            }
            for (JsonNode v : violations) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    lines.add("  " + impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Saves a screenshot of a browser to target/screenshots/NAME.png (also used for the README's pictures). */
    public static Path screenshot(WebDriver driver, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        testName = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        return this;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String name = (context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + "-" + context.getDisplayName()).replaceAll("[^A-Za-z0-9._-]+", "_");
        for (int i = 0; i < open.size(); i++) {
            try {
                Path file = screenshot(open.get(i), SCREENSHOTS.resolve(name + (open.size() > 1 ? "-" + (i + 1) : "") + ".png"));
                System.out.println("Screenshot of the failed test: " + file.toAbsolutePath());
            } catch (RuntimeException e) {
                System.out.println("Could not save a screenshot: " + e);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (WebDriver driver : open) {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // the browser is gone already
            }
        }
        open.clear();
    }

    public String testName() {
        return testName;
    }
}
