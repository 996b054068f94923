package jp.ishibashi.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.attack.Portal.Operation;
import jp.ishibashi.attack.Portal.Order;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Insecure direct object references, tried for every route that takes an id: each REST operation
 * of {@code /openapi} with a path parameter, and each page under {@code src/main/webapp} with an id
 * view parameter, against orders of the Sakura agency in every interesting state, by another
 * agency's admin, another agency's subcontractor and a Sakura subcontractor who is not on the
 * order; the order's own subcontractor tries its draft; Sakura's staff tries the admin pages.
 * Every REST attempt must answer 403 or 404, and no page may answer 2xx with the order's title.
 * The routes come from the running portal and the page files, so a route added later is attacked
 * without touching this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdorMatrixIT {

  /** Attackers of the REST routes (the order's own subcontractor on drafts comes on top). */
  static final int REST_ACTORS = 3;

  private static final Pattern VIEW_PARAM = Pattern.compile("<f:viewParam\\s+name=\"([A-Za-z]+)\"");
  private static final Pattern INVITATION = Pattern.compile("invitation\\.xhtml\\?id=(\\d+)");
  private static final List<String> NOT_IDS = List.of("token", "signedOut", "ended");

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Test
  void nobodyReachesAnotherPartysOrderThroughAnyRouteWithAnId() {
    Report report = attack(base);
    System.out.println(report.summary());
    assertTrue(
        report.attempts >= report.restOperationsWithIds * REST_ACTORS,
        "only " + report.attempts + " attempts for " + report.restOperationsWithIds
            + " operations with ids × " + REST_ACTORS + " actors");
    assertTrue(report.pages > 0, "no page with an id parameter was found");
    assertTrue(report.controlsShown > 0, "no page showed its own agency the order's title");
    assertEquals(List.of(), report.leaks, report.leaks.size() + " leaks:\n" + String.join("\n", report.leaks));
  }

  /** What the matrix tried and what got through. */
  static final class Report {
    int attempts;
    int restAttempts;
    int pageAttempts;
    int restOperationsWithIds;
    int pages;
    /** Pages that showed the order's title to its own agency: the leak check can see a leak. */
    int controlsShown;
    final List<String> leaks = new ArrayList<>();

    String summary() {
      return "IDOR matrix: " + attempts + " attempts (" + restAttempts + " REST over "
          + restOperationsWithIds + " operations with ids, " + pageAttempts + " pages over " + pages
          + " pages with ids), " + leaks.size() + " leaks";
    }
  }

  /** An actor trying routes. */
  private record Attacker(String name, ApiClient client) {}

  /** The ids an order offers for each kind of path parameter. */
  private record Target(String state, Order order, Map<String, Long> ids) {}

  static Report attack(URL base) {
    Portal portal = new Portal(base);
    List<Target> targets = targets(portal);
    List<Attacker> attackers =
        List.of(
            new Attacker("another agency's admin", portal.signIn(Portal.AOBA_ADMIN)),
            new Attacker("another agency's subcontractor", portal.signIn(Portal.ITO)),
            new Attacker("a subcontractor of the agency not on the order", portal.yamadaForSakura()));
    Report report = new Report();

    List<Operation> withIds =
        Portal.operations(portal.openApi()).stream().filter(Operation::hasPathIds).toList();
    report.restOperationsWithIds = withIds.size();
    for (Target t : targets) {
      for (Operation op : withIds) {
        for (Attacker a : attackers) {
          rest(report, a, op, t);
        }
        if (t.state().equals("draft")) {
          rest(report, new Attacker("the order's own subcontractor", portal.sub), op, t);
        }
      }
    }

    List<Page> pages = pages();
    report.pages = pages.size();
    for (Page page : pages) {
      for (Target t : targets) {
        if (page.invitation()) {
          continue;
        }
        for (Attacker a : attackers) {
          page(report, a, page.url(t.ids()), t.order().title());
        }
        if (portal.agency.getFromRoot(page.url(t.ids())).body().contains(t.order().title())) {
          report.controlsShown++;
        }
      }
    }
    // The admin pages: for admins of this agency only.
    Attacker staff = new Attacker("the agency's staff", portal.signIn(Portal.SAKURA_STAFF));
    Map<String, Long> invitation = Map.of("invitation", invitationId(portal));
    for (Page page : adminPages()) {
      adminPage(report, staff, page.url(invitation));
    }
    for (Page page : pages) {
      if (page.invitation()) {
        for (Attacker a : attackers) {
          adminPage(report, a, page.url(invitation));
        }
      }
    }
    return report;
  }

  /** Orders in each interesting state, and the ids of their agreements, lines and requests. */
  private static List<Target> targets(Portal portal) {
    Order draft = portal.draft("IDOR 下書き", 1);
    Order sent = portal.sent("IDOR 交渉中", 1);
    Order agreed = portal.agreed("IDOR 合意", 1);
    Order signed = portal.signed("IDOR 署名済", 1);
    Order funded = portal.funded("IDOR 仮払済", 2);
    Order delivered = portal.funded("IDOR 納品済", 1);
    ApiClient.Reply request =
        Portal.expect(
            201,
            portal.agency.post(
                delivered.path() + "/change-requests",
                ApiClient.object("reason", "納期の変更")
                    .replace("}", ",\"edits\":[{\"type\":\"MOVE_DUE_DATE\",\"newDueDate\":\""
                        + Portal.today().plusDays(40) + "\"}]}")));
    Portal.expect(201, portal.agency.post(delivered.path() + "/messages", ApiClient.object("body", "よろしくお願いします")));
    Portal.expect(200, portal.sub.post(delivered.path() + "/fulfilment/deliveries", ApiClient.object("note", "納品します")));
    Portal.expect(201, portal.sub.post(signed.path() + "/messages", ApiClient.object("body", "質問です")));

    long requestId = Portal.id(request.json());
    long someAgreement = Portal.id(portal.pendingAgreement(signed));
    List<Target> targets = new ArrayList<>();
    for (var e :
        new LinkedHashMap<>(
                Map.of(
                    "draft", draft,
                    "sent", sent,
                    "agreed", agreed,
                    "signed", signed,
                    "funded", funded,
                    "delivered", delivered))
            .entrySet()) {
      Order o = e.getValue();
      JsonObject json = portal.agency.get(o.path()).json();
      var agreements = portal.agency.get(o.path() + "/agreements").array();
      var requests = portal.agency.get(o.path() + "/change-requests");
      Map<String, Long> ids = new LinkedHashMap<>();
      ids.put("id", o.id());
      ids.put("order", o.id());
      ids.put("lineId", Portal.id(Portal.lines(json).get(0)));
      ids.put(
          "agreementId",
          agreements.isEmpty() ? someAgreement : Portal.id(agreements.getJsonObject(0)));
      ids.put("agreement", ids.get("agreementId"));
      ids.put("version", 1L);
      ids.put(
          "requestId",
          requests.status() == 200 && !requests.array().isEmpty()
              ? Portal.id(requests.array().getJsonObject(0))
              : requestId);
      ids.put("request", ids.get("requestId"));
      ids.put("counter", ids.get("requestId"));
      // No delivery over REST carries files; a guessed id still must not answer.
      ids.put("attachmentId", 1L);
      targets.add(new Target(e.getKey(), o, ids));
    }
    return targets;
  }

  private static void rest(Report report, Attacker a, Operation op, Target t) {
    String path = fill(op.path(), t.ids());
    if (op.method().equals("DELETE")) {
      path += "?version=0";
    }
    String body =
        op.method().equals("GET") ? null : sampleBody(op.path(), t);
    ApiClient.Reply reply =
        a.client().send(op.method(), path, op.method().equals("GET") ? null : "application/json", body);
    report.attempts++;
    report.restAttempts++;
    if (reply.status() != 403 && reply.status() != 404) {
      report.leaks.add(
          op.key() + " on the " + t.state() + " order " + t.order().id() + " by " + a.name() + ": "
              + reply.status() + " " + abbreviate(reply.body()));
    }
  }

  /** A body that the order's own party could send, so only the check of who asks can refuse it. */
  private static String sampleBody(String path, Target t) {
    if (path.endsWith("/signatures")) {
      return ApiClient.object("contentHash", "0".repeat(64), "password", "ishibashi-demo-2026");
    }
    if (path.endsWith("change-requests") || path.endsWith("/preview") || path.endsWith("/counter")) {
      return "{\"reason\":\"変更\",\"edits\":[{\"type\":\"MOVE_DUE_DATE\",\"newDueDate\":\""
          + Portal.today().plusDays(45) + "\"}]}";
    }
    if (path.endsWith("/lines") || path.endsWith("{lineId}")) {
      return Portal.line("追加の作業").replace("}", ",\"version\":0}");
    }
    if (path.endsWith("/terms")) {
      return ApiClient.object("title", "乗っ取り", "version", 0L);
    }
    if (path.endsWith("/fund") || path.endsWith("/fund-extra")) {
      return ApiClient.object("reference", "振込");
    }
    if (path.endsWith("/messages")) {
      return ApiClient.object("body", "こんにちは");
    }
    if (path.endsWith("/deliveries")) {
      return ApiClient.object("note", "納品");
    }
    if (path.endsWith("/reject")) {
      return "{\"reason\":\"不備\",\"lineIds\":[" + t.ids().get("lineId") + "]}";
    }
    if (path.endsWith("/cancel") || path.endsWith("/end-for-non-performance")) {
      return ApiClient.object("reason", "中止");
    }
    if (path.endsWith("/demand")) {
      return ApiClient.object("note", "催告");
    }
    return ApiClient.object("version", 0L);
  }

  private static String fill(String template, Map<String, Long> ids) {
    Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Long id = ids.get(m.group(1));
      m.appendReplacement(out, String.valueOf(id == null ? ids.get("id") : id));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void page(Report report, Attacker a, String url, String title) {
    ApiClient.Reply reply = a.client().getFromRoot(url);
    report.attempts++;
    report.pageAttempts++;
    boolean shown = reply.status() / 100 == 2 && reply.body().contains(title);
    if (shown || reply.status() >= 500) {
      report.leaks.add(url + " by " + a.name() + ": " + reply.status() + (shown ? " showing " + title : ""));
    }
  }

  private static void adminPage(Report report, Attacker a, String url) {
    ApiClient.Reply reply = a.client().getFromRoot(url);
    report.attempts++;
    report.pageAttempts++;
    if (reply.status() != 403 && reply.status() != 404) {
      report.leaks.add(url + " by " + a.name() + ": " + reply.status());
    }
  }

  private static long invitationId(Portal portal) {
    ApiClient.Reply list = portal.agency.getFromRoot("agency/admin/invitations.xhtml");
    Matcher m = INVITATION.matcher(list.body());
    if (!m.find()) {
      throw new IllegalStateException("Sakura's invitations page lists no invitation");
    }
    return Long.parseLong(m.group(1));
  }

  /** A page and its id parameters. */
  record Page(String path, List<String> params) {

    boolean invitation() {
      return path.startsWith("agency/admin/");
    }

    String url(Map<String, Long> ids) {
      StringBuilder url = new StringBuilder(path);
      char sep = '?';
      for (String p : params) {
        Long id = invitation() ? ids.get("invitation") : ids.getOrDefault(p, ids.get("id"));
        url.append(sep).append(p).append('=').append(id == null ? 1 : id);
        sep = '&';
      }
      return url.toString();
    }
  }

  static final Path WEBAPP = Path.of("src/main/webapp");

  /** Every page with an id view parameter. */
  static List<Page> pages() {
    List<Page> pages = new ArrayList<>();
    for (Path file : xhtml(WEBAPP)) {
      List<String> params = new ArrayList<>();
      Matcher m = VIEW_PARAM.matcher(read(file));
      while (m.find()) {
        if (!NOT_IDS.contains(m.group(1))) {
          params.add(m.group(1));
        }
      }
      if (!params.isEmpty()) {
        pages.add(new Page(relative(file), params));
      }
    }
    return pages;
  }

  /** Every page under agency/admin, with the id parameters it takes. */
  static List<Page> adminPages() {
    List<Page> pages = new ArrayList<>();
    for (Path file : xhtml(WEBAPP.resolve("agency/admin"))) {
      List<String> params = new ArrayList<>();
      Matcher m = VIEW_PARAM.matcher(read(file));
      while (m.find()) {
        params.add(m.group(1));
      }
      pages.add(new Page(relative(file), params));
    }
    return pages;
  }

  private static List<Path> xhtml(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return new ArrayList<>(
          new TreeSet<>(
              files
                  .filter(f -> f.toString().endsWith(".xhtml"))
                  .filter(f -> !f.toString().contains("WEB-INF"))
                  .toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(Path file) {
    return WEBAPP.relativize(file).toString().replace('\\', '/');
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
