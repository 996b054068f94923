package jp.ishibashi.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.ishibashi.Deployments;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.demo.DemoData;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.SqlCountPerRequest;
import jp.ishibashi.platform.SqlStatementCounter;
import jp.ishibashi.tenant.Actor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The work order page issues a fixed number of SQL statements, whatever the number of lines: the
 * page is requested over real HTTP by a signed-in user, for an order of 5 lines and one of 500,
 * and the counts that {@code portal.diagnostics.sql-count} recorded for those requests are
 * compared. In-container, so the test reads the portal's counter directly.
 */
@ExtendWith(ArquillianExtension.class)
class WorkOrderPageQueriesIT {

  private static final String AGENCY = "admin@sakura.example";
  private static final String SUBCONTRACTOR = "tanaka@freelance.example";
  /**
   * The order, its lines, their history, its agreement versions and its message thread, plus the
   * signed-in user, the agency and, for a subcontractor, the agency's reputation facts: none of
   * them grows with the number of lines.
   */
  private static final int MAX_STATEMENTS = 18;
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  /** The two orders, made once for the class: the deployment lives as long as the class. */
  private static long fiveLines;

  private static long fiveHundredLines;

  @Inject WorkOrders workOrders;
  @Inject AccountDirectory directory;
  @Inject PortalClock clock;
  @Inject UserTransaction tx;

  /** The Arquillian request running this test: it tells where the portal answers. */
  @Inject HttpServletRequest runner;

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Test
  void theAgencyPageIssuesAsManyStatementsForFiveHundredLinesAsForFive() throws Exception {
    assertSameCountForFiveAndFiveHundredLines(AGENCY);
  }

  @Test
  void theSubcontractorPageIssuesAsManyStatementsForFiveHundredLinesAsForFive()
      throws Exception {
    assertSameCountForFiveAndFiveHundredLines(SUBCONTRACTOR);
  }

  private void assertSameCountForFiveAndFiveHundredLines(String email) throws Exception {
    createOrders();
    HttpClient client = signedIn(email);

    Page five = page(client, fiveLines);
    Page fiveHundred = page(client, fiveHundredLines);

    assertEquals(200, five.status());
    assertEquals(200, fiveHundred.status());
    assertTrue(five.body().contains(lineText(5, 5)), "the 5-line order shows its last line");
    assertTrue(
        fiveHundred.body().contains(lineText(500, 500)),
        "the 500-line order shows its 500th line");
    assertEquals(
        five.statements(),
        fiveHundred.statements(),
        email + ": statements for 5 lines vs 500 lines");
    assertTrue(
        five.statements() <= MAX_STATEMENTS,
        email + ": " + five.statements() + " statements, at most " + MAX_STATEMENTS);
  }

  private record Page(int status, String body, int statements) {}

  /** GETs the work order page, tagged so that its statement count can be read back. */
  private Page page(HttpClient client, long orderId) throws IOException, InterruptedException {
    String tag = UUID.randomUUID().toString();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("orders/work-order.xhtml?id=" + orderId))
                .header(SqlCountPerRequest.TAG, tag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    int statements =
        SqlStatementCounter.countOf(tag, Duration.ofSeconds(30))
            .orElseThrow(() -> new AssertionError("no statement count recorded for " + orderId));
    return new Page(response.statusCode(), response.body(), statements);
  }

  /** Signs in through the sign-in page, as a browser does, and checks the user is signed in. */
  private HttpClient signedIn(String email) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String login =
        client
            .send(
                HttpRequest.newBuilder(uri("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("signIn", "signIn");
    form.put("signIn:email", email);
    form.put("signIn:password", DemoData.PASSWORD);
    form.put("signIn:submit", "");
    form.put("jakarta.faces.ViewState", viewState(login));
    HttpResponse<String> home =
        client.send(
            HttpRequest.newBuilder(uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, home.statusCode(), "signing in led to " + home.uri());
    assertFalse(home.uri().getPath().endsWith("login.xhtml"), "signed in, not back at sign-in");
    assertTrue(home.body().contains("id=\"userName\""), "the signed-in user's name is shown");
    return client;
  }

  /** Creates the 5-line and the 500-line orders once, sent to the demo subcontractor. */
  private void createOrders() throws Exception {
    if (fiveHundredLines != 0) {
      return;
    }
    UserAccount admin = directory.accountByEmail(AGENCY).orElseThrow();
    Workplace sakura = directory.workplacesOf(admin.getId()).get(0);
    Actor agency = new Actor(admin.getId(), sakura.tenantId(), sakura.role());
    long tanaka = directory.accountByEmail(SUBCONTRACTOR).orElseThrow().getId();
    fiveLines = sentOrder(agency, tanaka, 5);
    fiveHundredLines = sentOrder(agency, tanaka, 500);
  }

  /** A complete order with the given number of lines, sent; one transaction for speed. */
  private long sentOrder(Actor agency, long subcontractorId, int lines) throws Exception {
    LocalDate today = clock.today();
    tx.begin();
    try {
      WorkOrder order =
          workOrders.create(
              agency,
              new Terms(
                  "Statement count, " + lines + " lines",
                  null,
                  subcontractorId,
                  "ja",
                  "JPY",
                  today,
                  null,
                  today.plusDays(30),
                  "Shared drive",
                  7,
                  today.plusDays(60),
                  "Bank transfer"));
      for (int i = 1; i <= lines; i++) {
        workOrders.addLine(
            agency,
            order.getId(),
            new LineInput(
                lineText(i, lines),
                "Deliverable " + i,
                "Reviewed without findings",
                BigDecimal.ONE,
                Unit.ITEM,
                new BigDecimal("10000")));
      }
      workOrders.send(agency, order.getId(), order.getVersion());
      tx.commit();
      return order.getId();
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }
  }

  private static String lineText(int i, int of) {
    return "Scope line " + i + " of " + of;
  }

  private URI uri(String path) {
    return URI.create(
        runner.getScheme()
            + "://localhost:"
            + runner.getLocalPort()
            + runner.getContextPath()
            + "/"
            + path);
  }

  private static String viewState(String html) {
    Matcher m = VIEW_STATE.matcher(html);
    assertTrue(m.find(), "the page has a ViewState");
    return m.group(1);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
