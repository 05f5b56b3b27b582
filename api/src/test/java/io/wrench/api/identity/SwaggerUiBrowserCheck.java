package io.wrench.api.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI of the jar that runs against Keycloak, in Debian's headless Chromium: Authorize with the
 * issuer's authorization-code flow (PKCE), log in as a demo user on Keycloak's page, "Try it out" one
 * endpoint and see 200. Run by .ci/keycloak, which installs chromium and chromium-driver.
 */
class SwaggerUiBrowserCheck {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Keycloak keycloak = new Keycloak();
    private WebDriver browser;

    @BeforeEach
    void startChromium() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("wrench.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("wrench.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDemoUserLogsInThroughSwaggerUiAndTriesAnEndpoint() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(keycloak.appUrl + "/swagger-ui.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();

        // the issuer's discovery document lists its grant types: the authorization-code one, client prefilled
        WebElement codeFlow = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(., 'authorization_code')]]")));
        assertThat(codeFlow.findElement(By.cssSelector("input[id^='client_id']")).getAttribute("value"))
                .isEqualTo("wrench-swagger");
        String main = browser.getWindowHandle();
        codeFlow.findElement(By.cssSelector("button.authorize")).click();

        // Keycloak's login page in the popup
        wait.until(driver -> driver.getWindowHandles().size() > 1);
        Set<String> windows = browser.getWindowHandles();
        windows.stream().filter(window -> !window.equals(main)).findFirst().ifPresent(browser.switchTo()::window);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("mark.manager");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        wait.until(driver -> driver.getWindowHandles().size() == 1);
        browser.switchTo().window(main);

        // logged in: the section offers Logout; close the dialog and call GET /api/dashboard (MANAGER)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(., 'authorization_code')]]"
                        + "//button[contains(., 'Logout')]")));
        browser.findElement(By.cssSelector("button.btn-done, .modal-ux-header button.close-modal")).click();
        WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-Dashboard-dashboardDashboard .opblock-summary-control")));
        operation.click();
        WebElement block = browser.findElement(By.id("operations-Dashboard-dashboardDashboard"));
        wait.until(driver -> shown(block, "button.try-out__btn")).click();
        wait.until(driver -> shown(block, "button.execute")).click();

        WebElement status = wait.until(driver -> block.findElements(
                By.cssSelector(".live-responses-table .response .response-col_status")).stream().findFirst().orElse(null));
        assertThat(status.getText().trim()).as("status of the call from Swagger UI").startsWith("200");
    }

    /** The first displayed element under {@code root} (null until there is one, for a wait). */
    private static WebElement shown(WebElement root, String css) {
        return root.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }
}
