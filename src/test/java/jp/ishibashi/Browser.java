package jp.ishibashi;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, with a fresh profile under
 * {@code target/}. Naming the driver binary keeps Selenium from ever downloading one.
 *
 * <p>It reads the browser's console: a page that breaks its Content-Security-Policy (an inline
 * script or handler, an eval, a foreign source) logs "Refused to …", and {@link
 * #assertNoContentSecurityPolicyViolations()} fails on it.
 */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final Path profile;
  private final URL base;
  private final List<String> violations = new ArrayList<>();

  public Browser(URL base) {
    this.base = base;
    try {
      Files.createDirectories(Path.of("target"));
      profile = Files.createTempDirectory(Path.of("target"), "chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=ja",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost, EXCLUDE "
            + base.getHost(),
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en"));
    LoggingPreferences console = new LoggingPreferences();
    console.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", console);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  /** Opens a page of the portal, relative to its context root. */
  public Browser open(String path) {
    WebElement previous = driver.findElements(By.tagName("html")).stream().findFirst().orElse(null);
    driver.get(base.toString() + path);
    if (previous != null) {
      // Reloading the page already shown can return before the old document is replaced.
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(previous));
    }
    waitForPage();
    return this;
  }

  /**
   * True once the element's document has been replaced. Chromedriver reports such a node either
   * as stale or as "node does not belong to the document"; both mean gone.
   */
  private static ExpectedCondition<Boolean> gone(WebElement element) {
    return d -> {
      try {
        element.isEnabled();
        return false;
      } catch (WebDriverException replaced) {
        return true;
      }
    };
  }

  private void waitForPage() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  public WebElement find(String id) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  public boolean has(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /** Replaces a field's text; retried when the page was still being replaced under it. */
  public Browser type(String id, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        // Includes chromedriver's "node does not belong to the document" during navigation.
        .ignoring(WebDriverException.class)
        .until(
            d -> {
              WebElement field = d.findElement(By.id(id));
              field.clear();
              field.sendKeys(text);
              return text.equals(field.getDomProperty("value"));
            });
    return this;
  }

  /** Clicks and waits for the page that the click loads. */
  public Browser click(String id) {
    WebElement element = find(id);
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(gone(element));
    waitForPage();
    return this;
  }

  /** Clicks an element that is expected to leave the page where it is (a refused submit). */
  public Browser clickInPlace(String id) {
    find(id).click();
    return this;
  }

  /**
   * Sets an input's value as the page would submit it, for widgets that reformat while typing
   * (PrimeFaces date pickers).
   */
  public Browser setValue(String id, String value) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1];", find(id), value);
    return this;
  }

  public String text(String id) {
    return find(id).getText();
  }

  public String heading() {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")))
        .getText();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public WebDriver driver() {
    return driver;
  }

  /** Signs in through the sign-in page. */
  public Browser signIn(String email, String password) {
    open("login.xhtml");
    type("signIn:email", email);
    type("signIn:password", password);
    return click("signIn:submit");
  }

  public Browser signOut() {
    return click("signOut:signOutButton");
  }

  /** The HTTP status of a GET of a portal page, in this browser's session. */
  public int statusOf(String path) {
    return get(URI.create(base.toString() + path)).statusCode();
  }

  /**
   * What a link points to, fetched in this browser's session: the way to check a download, which
   * the headless browser would otherwise save out of reach.
   */
  public HttpResponse<byte[]> download(String linkId) {
    return get(URI.create(find(linkId).getAttribute("href")));
  }

  private HttpResponse<byte[]> get(URI uri) {
    Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (session != null) {
      request.header("Cookie", "JSESSIONID=" + session.getValue());
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Content-Security-Policy violations the console has logged since the last call, in every
   * page this browser opened. Reading them clears them.
   */
  public List<String> contentSecurityPolicyViolations() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String message = entry.getMessage();
      if (message.contains("Content Security Policy") || message.contains("Refused to")) {
        violations.add(message);
      }
    }
    List<String> found = List.copyOf(violations);
    violations.clear();
    return found;
  }

  /** Fails when any page opened since the last check broke its Content-Security-Policy. */
  public void assertNoContentSecurityPolicyViolations() {
    failOn(contentSecurityPolicyViolations());
  }

  private static void failOn(List<String> violations) {
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "The browser refused what the Content-Security-Policy forbids:\n"
              + String.join("\n", violations));
    }
  }

  /** Closes the browser; fails when its last pages broke their Content-Security-Policy. */
  @Override
  public void close() {
    List<String> found = List.of();
    try {
      found = contentSecurityPolicyViolations();
    } catch (WebDriverException gone) {
      // The browser died: the test that used it has failed already.
    }
    quit();
    failOn(found);
  }

  private void quit() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // A leftover profile folder under target/ goes with the next clean.
      }
    }
  }
}
