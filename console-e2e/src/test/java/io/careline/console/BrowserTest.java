package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * One headless Debian chromium for a test class, and a fresh browser context (no cookies, no Keycloak session) for
 * each test. The console is the running platform's: {@code careline.gateway.url}. Times in these contexts are
 * Shanghai's and the browser's language English, so that what the console shows can be asserted exactly.
 */
abstract class BrowserTest {

    static final String GATEWAY = System.getProperty("careline.gateway.url", "http://127.0.0.1:8080");
    static final String CONSOLE = GATEWAY + "/admin/";
    static final String TIMEZONE = "Asia/Shanghai";
    private static final Path CHROMIUM = Path.of(System.getProperty("careline.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("careline.screenshots", "target/screenshots"));

    private static Playwright playwright;
    private static Browser browser;

    BrowserContext context;
    Page page;
    /** Errors the page logged: a Content-Security-Policy violation or a failing script shows up here. */
    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("en-US")
                .setTimezoneId(TIMEZONE)
                .setViewportSize(1360, 820));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            // a failed fetch is logged too; API answers are the tests' business, other failures are caught below
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                pageErrors.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().startsWith(GATEWAY + "/api/")) {
                pageErrors.add(response.status() + " " + response.url());
            }
        });
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("errors logged by the console's pages").isEmpty();
    }

    /** Signs a demo user in through Keycloak's own login page (the user's password is the user name). */
    void signIn(String user) {
        page.navigate(CONSOLE);
        button("Sign in").click();
        fillKeycloakLogin(user);
    }

    void fillKeycloakLogin(String user) {
        page.waitForURL(Pattern.compile(".*/realms/careline/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(CONSOLE) + "(?!callback).*"));
        assertThat(page.locator("careline-console header")).isVisible();
    }

    Locator nav() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
    }

    /** The screen's heading. */
    Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** Where the screen announces what an action did. */
    Locator status() {
        return page.getByRole(AriaRole.STATUS);
    }

    /** The button of exactly this accessible name. */
    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
