package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/** The shell every staff member sees: sign-in, languages, their own page, and signing out. */
class ShellIT extends BrowserTest {

    @Test
    void switchesLanguageEverywhere() {
        String policy = page.navigate(CONSOLE).headerValue("content-security-policy");
        assertThat(policy).contains("script-src 'self';", "default-src 'none'");
        Locator language = page.getByLabel("Language");
        language.selectOption("ru");
        assertThat(heading()).hasText("Вход в консоль Careline");
        assertThat(page.locator("html")).hasAttribute("lang", "ru");
        screenshot("sign-in-ru");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
        fillKeycloakLogin("ada");
        link("Кто я").click();
        assertThat(heading()).hasText("Кто я");
        assertThat(heading()).isFocused(); // a navigation lands keyboard users on the new screen's heading
        assertThat(page.locator("who-am-i .name")).hasText("Ada Admin");
        assertThat(page.locator("who-am-i .roles li")).hasText(new String[] {"Администратор (admin)", "Сотрудник (staff)"});
        assertThat(link("Отложенные события: Жалобы")).isVisible();

        page.getByLabel("Язык").selectOption("zh-CN");
        assertThat(heading()).hasText("我是谁");
        assertThat(link("搁置的事件：投诉")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录"))).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        screenshot("who-am-i-zh-CN");

        page.getByLabel("语言").selectOption("en");
        assertThat(heading()).hasText("Who am I");
    }

    @Test
    void signsOutOfKeycloakToo() {
        signIn("sam");
        assertThat(page.getByText("Signed in as Sam")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        page.waitForURL(CONSOLE);
        assertThat(heading()).hasText("Sign in to the Careline console");
        // Keycloak's session is over: signing in asks for the password again
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(Pattern.compile(".*/realms/careline/protocol/openid-connect/auth.*"));
        assertThat(page.locator("#password")).isVisible();
    }

    @Test
    void renewsTheAccessTokenWithTheRefreshTokenBeforeItExpires() {
        page.clock().install(); // the page's time runs on, and can be wound forward
        signIn("ada");
        page.waitForURL(CONSOLE + "parked/complaint");

        // Keycloak's access tokens live 5 minutes; the console renews one a minute before it expires
        Request renewal = page.waitForRequest(
                request -> request.url().endsWith("/protocol/openid-connect/token")
                        && request.postData().contains("grant_type=refresh_token"),
                () -> page.clock().fastForward("04:30"));

        assertThat(renewal.response().status()).isEqualTo(200);
        String renewed = JsonParser.parseString(renewal.response().text()).getAsJsonObject().get("access_token").getAsString();
        Response list = page.waitForResponse(response -> response.url().contains("/api/v1/ops/complaint/outbox/parked"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.request().headerValue("authorization")).as("the token the API got").isEqualTo("Bearer " + renewed);
    }

    @Test
    void skipLinkComesFirstFromTheKeyboard() {
        signIn("ada");
        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"));
        assertThat(skip).isFocused();
        assertThat(skip).isInViewport();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Parked events: Complaints")))
                .isFocused();
    }


    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }
}
