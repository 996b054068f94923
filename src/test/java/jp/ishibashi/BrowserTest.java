package jp.ishibashi;

import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser tests: one headless Chromium per test class (starting one costs about two
 * seconds), with its cookies cleared before each test so that every test starts signed out. A
 * test fails when any page it opened broke the Content-Security-Policy.
 */
public abstract class BrowserTest {

  protected static Browser browser;

  @ArquillianResource protected URL base;

  @BeforeEach
  void freshSession() {
    if (browser == null) {
      browser = new Browser(base);
    }
    browser.driver().manage().deleteAllCookies();
  }

  @AfterEach
  void noContentSecurityPolicyViolations() {
    if (browser != null) {
      browser.assertNoContentSecurityPolicyViolations();
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      try {
        browser.close();
      } finally {
        browser = null;
      }
    }
  }
}
