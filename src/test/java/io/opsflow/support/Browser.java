package io.opsflow.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium through Debian's chromedriver; never a downloaded browser. Both must be
 * installed (apt-get install chromium chromium-driver; .ci/run does it).
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  public static Browser open(int port) throws IOException {
    return open(port, null);
  }

  /** A browser whose language (navigator.languages, Accept-Language) is {@code language}, e.g. zh-CN. */
  public static Browser open(int port, String language) throws IOException {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      throw new IllegalStateException("The browser tests need Debian's chromium and chromedriver: "
          + "apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory("opsflow-chromium"));
    if (language != null) {
      options.addArguments("--lang=" + language);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Fills and submits OpsFlow's sign-in form. */
  public Browser signIn(String user, String password) {
    waitFor(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    return this;
  }

  /** Waits for the element; on time-out leaves a screenshot in target/screenshots. */
  public WebElement waitFor(By locator) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (TimeoutException e) {
      leaveEvidence();
      throw e;
    }
  }

  /** A screenshot and the page's HTML in target/screenshots. */
  private void leaveEvidence() {
    try {
      String name = "timeout-" + System.currentTimeMillis();
      screenshot(name);
      Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException ignored) {
      // the time-out is what matters
    }
  }

  /**
   * Waits for the element, scrolls it to the middle of the window (clear of Tasklist's footer) and clicks it.
   * Tasklist lays an embedded form out in several passes, so a click that lands while rows are still moving is
   * tried again until the element sits still under the pointer.
   */
  public void click(By locator) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(ignored -> {
          WebElement element = waitFor(locator);
          ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
          element.click();
          return true;
        });
  }

  /** Chooses the radio button or checkbox that the label with this text is for. */
  public void choose(String labelText) {
    WebElement label = waitFor(By.xpath("//label[contains(normalize-space(.), \"" + labelText + "\")]"));
    click(By.id(label.getAttribute("for")));
  }

  /** Waits for an element whose own text, or whole text, is {@code text}. */
  public WebElement waitForText(String text) {
    return waitFor(withText(text));
  }

  public void waitUntilUrlEndsWith(String suffix) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlMatches(".*" + Pattern.quote(suffix) + "$"));
  }

  /** Waits until the condition (checked outside the browser, e.g. in the engine) holds. */
  public void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
    try {
      // an element the condition looks at may be replaced by the page while it looks (a spinner going away)
      new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class)
          .until(ignored -> condition.getAsBoolean());
    } catch (TimeoutException e) {
      leaveEvidence();
      throw e;
    }
  }

  /**
   * Waits until the webapp (AngularJS) has no request open, so that what it shows, error notifications
   * included, follows every answer.
   */
  public void waitForWebappRequests() {
    waitUntil(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "const injector = window.angular && angular.element(document.body).injector();"
            + "return !!injector && injector.get('$http').pendingRequests.length === 0;")));
  }

  /** The attribute's value on each visible element that has it. */
  public java.util.List<String> visibleAttributes(String attribute) {
    return driver.findElements(By.cssSelector("[" + attribute + "]")).stream().filter(WebElement::isDisplayed)
        .map(element -> element.getAttribute(attribute)).toList();
  }

  /** The visible text of the page and the placeholders and titles of its elements. */
  public String everythingShown() {
    return pageText() + "\n" + ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('[placeholder], [title]'))"
            + ".map(e => (e.getAttribute('placeholder') || '') + ' ' + (e.getAttribute('title') || '')).join('\\n');");
  }

  /** Runs the script in the page and returns what it returns. */
  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs an asynchronous script (it calls its last argument with the result) and returns the result. */
  public Object asyncScript(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Every request takes this long to answer, as on a slow network; races with late files show. */
  public void slowNetwork(Duration latency) {
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
        "latency", latency.toMillis(), "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** Every match of the pattern in what the page shows ({@link #everythingShown()}), e.g. raw translation keys. */
  public java.util.List<String> shownMatches(Pattern pattern) {
    return pattern.matcher(everythingShown()).results().map(java.util.regex.MatchResult::group).toList();
  }

  public java.util.List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  public boolean showsText(String text) {
    return driver.findElements(withText(text)).stream().anyMatch(WebElement::isDisplayed);
  }

  private static By withText(String text) {
    String same = "normalize-space(.)=\"" + text + "\"";
    String ownText = "normalize-space(text())=\"" + text + "\"";
    return By.xpath("//*[" + ownText + " or (" + same + " and not(*[" + same + "]))]");
  }

  public void screenshot(String name) throws IOException {
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
