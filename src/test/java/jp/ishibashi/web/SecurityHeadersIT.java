package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ishibashi.ApiClient;
import jp.ishibashi.BrowserTest;
import jp.ishibashi.Deployments;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The security headers as a client receives them: on pages (with a nonce-based
 * Content-Security-Policy that PrimeFaces works under), on REST answers, on static resources and
 * on error pages; and the session cookie's flags.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT extends BrowserTest {

  private static final String NOTHING_RUNS = "default-src 'none'; frame-ancestors 'none'";
  private static final Pattern NONCE =
      Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'");
  private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
  private static final Pattern INLINE_HANDLER =
      Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Test
  void aPageHasEveryHeaderAndOneStrictPolicyWithANonceOnEachScript() throws Exception {
    HttpResponse<String> page = get("login.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    assertCommonHeaders(page);

    String policy = onlyPolicy(page);
    assertThat(policy)
        .contains("default-src 'self'")
        .contains("object-src 'none'")
        .contains("base-uri 'self'")
        .contains("form-action 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval")
        .doesNotContain("*");
    assertThat(directive(policy, "script-src")).doesNotContain("unsafe-inline");
    String nonce = nonce(policy);

    List<String> scripts = SCRIPT_TAG.matcher(page.body()).results().map(m -> m.group()).toList();
    assertThat(scripts).as("the page loads PrimeFaces and its own script").hasSizeGreaterThan(2);
    assertThat(scripts).allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));
    assertThat(INLINE_HANDLER.matcher(page.body()).results().map(m -> m.group()).toList())
        .as("inline on… handlers")
        .isEmpty();

    assertThat(nonce(onlyPolicy(get("login.xhtml"))))
        .as("a fresh nonce each time")
        .isNotEqualTo(nonce);
  }

  @Test
  void aSignedInPageAndAnInvitationLinkCarryTheHeadersToo() throws Exception {
    ApiClient admin = new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD);
    ApiClient.Reply members = admin.getFromRoot("agency/admin/members.xhtml");
    assertThat(members.status()).isEqualTo(200);
    assertCommonHeaders(members.response());
    nonce(onlyPolicy(members.response()));

    // The token in an invitation link must not leave through the Referer of anything it loads.
    HttpResponse<String> invitation = get("invitation.xhtml?token=not-a-real-token");
    assertThat(invitation.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    nonce(onlyPolicy(invitation));
  }

  @Test
  void aFormPostedWithoutItsNonceIsAnsweredUnderTheNonceOfItsView() {
    ApiClient visitor = new ApiClient(base);
    ApiClient.Reply login = visitor.getFromRoot("login.xhtml");
    String nonce = nonce(onlyPolicy(login.response()));

    // The language switch draws the same view again: no script ran, so no nonce is sent.
    ApiClient.Reply english =
        visitor.postForm(
            "login.xhtml",
            Map.of(
                "lang", "lang",
                "lang:en", "English",
                "jakarta.faces.ViewState", ApiClient.viewState(login.body())));
    assertThat(english.status()).as(english.toString()).isEqualTo(200);
    assertThat(english.body()).contains("<h1>Sign in</h1>");
    assertThat(nonce(onlyPolicy(english.response()))).isEqualTo(nonce);
    assertThat(SCRIPT_TAG.matcher(english.body()).results().map(m -> m.group()).toList())
        .allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));

    // A nonce of the sender's choosing does not count either.
    ApiClient.Reply forged =
        visitor.postForm(
            "login.xhtml",
            Map.of(
                "lang", "lang",
                "lang:ja", "日本語",
                "primefaces.nonce", "'; script-src *",
                "jakarta.faces.ViewState", ApiClient.viewState(english.body())));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(200);
    assertThat(forged.body()).contains("<h1>ログイン</h1>");
    assertThat(nonce(onlyPolicy(forged.response()))).isEqualTo(nonce);
  }

  @Test
  void aPostToAnExpiredViewShowsTheExpiredPageUnderAPagePolicy() {
    ApiClient visitor = new ApiClient(base).language("en");
    visitor.getFromRoot("login.xhtml");
    ApiClient.Reply expired =
        visitor.postForm(
            "login.xhtml",
            Map.of("lang", "lang", "lang:en", "English", "jakarta.faces.ViewState", "stale"));
    assertThat(expired.body()).contains("<h1>The page has expired</h1>");
    assertCommonHeaders(expired.response());
    nonce(onlyPolicy(expired.response()));
  }

  @Test
  void anErrorPageHasTheHeadersAndOnePagePolicy() throws Exception {
    HttpResponse<String> missing = get("no-such-page.xhtml");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertCommonHeaders(missing);
    nonce(onlyPolicy(missing));
  }

  @Test
  void restAnswersAllowNothingToRun() throws Exception {
    ApiClient.Reply session =
        new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD).get("session");
    assertThat(session.status()).isEqualTo(200);
    assertCommonHeaders(session.response());
    assertThat(onlyPolicy(session.response())).isEqualTo(NOTHING_RUNS);

    ApiClient.Reply refused = new ApiClient(base).get("session");
    assertThat(refused.status()).isEqualTo(401);
    assertCommonHeaders(refused.response());
    assertThat(onlyPolicy(refused.response())).isEqualTo(NOTHING_RUNS);
  }

  @Test
  void staticResourcesAllowNothingToRun() throws Exception {
    for (String path :
        List.of(
            "jakarta.faces.resource/css/portal.css.xhtml",
            "jakarta.faces.resource/js/portal.js.xhtml",
            "jakarta.faces.resource/core.js.xhtml?ln=primefaces",
            "resources/css/portal.css")) {
      HttpResponse<String> resource = get(path);
      assertThat(resource.statusCode()).as(path).isEqualTo(200);
      assertCommonHeaders(resource);
      assertThat(onlyPolicy(resource)).as(path).isEqualTo(NOTHING_RUNS);
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndNotSecureOnPlainHttpWithoutAnHttpsPublicAddress()
      throws Exception {
    List<String> cookies = get("login.xhtml").headers().allValues("Set-Cookie");
    assertThat(cookies)
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    .doesNotContainIgnoringCase("Secure"));
  }

  @Test
  void theBrowserRefusesAnInjectedScriptAndTheTestsNoticeIt() {
    browser.open("login.xhtml");
    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    page.executeScript(
        "var s = document.createElement('script');"
            + " s.textContent = 'window.injected = true;';"
            + " document.head.appendChild(s);");
    assertThat(page.executeScript("return window.injected === true")).isEqualTo(false);
    assertThat(page.executeScript("return typeof PrimeFaces.csp")).isEqualTo("object");

    assertThat(browser.contentSecurityPolicyViolations())
        .anySatisfy(
            m -> assertThat(m).contains("Content Security Policy").contains("inline script"));
    assertThat(browser.contentSecurityPolicyViolations()).as("read once").isEmpty();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base.toString() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertCommonHeaders(HttpResponse<?> response) {
    var headers = response.headers();
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("Permissions-Policy").orElseThrow())
        .contains("camera=()")
        .contains("microphone=()")
        .contains("geolocation=()")
        .contains("payment=()");
  }

  /** The one Content-Security-Policy of a response: browsers would enforce each of several. */
  private static String onlyPolicy(HttpResponse<?> response) {
    List<String> policies = response.headers().allValues("Content-Security-Policy");
    assertThat(policies).as("Content-Security-Policy headers").hasSize(1);
    return policies.get(0);
  }

  private static String nonce(String policy) {
    Matcher m = NONCE.matcher(policy);
    assertThat(m.find()).as("a nonce in " + policy).isTrue();
    assertThat(m.group(1)).hasSizeGreaterThanOrEqualTo(16);
    return m.group(1);
  }

  private static String directive(String policy, String name) {
    for (String part : policy.split(";")) {
      if (part.trim().startsWith(name + " ")) {
        return part.trim();
      }
    }
    throw new AssertionError("no " + name + " in " + policy);
  }
}
