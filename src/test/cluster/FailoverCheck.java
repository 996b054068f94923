import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Proves that a signed-in user survives the loss of its node (run by failover-check.sh):
 *
 * <ol>
 *   <li>signs in through HAProxy as the demo agency admin and opens the organisation page, whose
 *       form it keeps (with its jakarta.faces.ViewState);
 *   <li>reads from HAProxy's SERVERID cookie which node served it, and kills that node with
 *       kill -9 (kill-node.sh);
 *   <li>posts that form, with the ViewState the dead node issued, through HAProxy: another node
 *       must run the action for the same signed-in user and save the changed address;
 *   <li>loads a signed-in page and the organisation page again, which must show the saved address.
 * </ol>
 *
 * Every answer is checked not to be the sign-in page. Only loopback addresses are used; every
 * request times out. Prints PASS or FAIL and exits 0 or 1. JDK only:
 * {@code java FailoverCheck.java http://127.0.0.1:8080/ path/to/kill-node.sh}
 */
public class FailoverCheck {

  static final String EMAIL = "admin@sakura.example";
  static final String PASSWORD = "ishibashi-demo-2026";
  static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  final URI base;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  HttpClient http;
  String servedBy = "?";

  FailoverCheck(URI base) {
    this.base = base;
    this.http = client();
  }

  /** A client with this user's cookies and connections of its own. */
  HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(cookies)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
    String killScript = args.length > 1 ? args[1] : "src/test/cluster/kill-node.sh";
    String host = base.getHost() == null ? "" : base.getHost();
    if (!host.matches("127(\\.[0-9]{1,3}){3}|localhost|\\[::1\\]")) {
      System.out.println("FAIL: " + base + " is not a loopback address; this check only runs locally");
      System.exit(2);
    }
    try {
      new FailoverCheck(base).run(killScript);
      System.out.println("PASS: the session, its sign-in and its page state survived the node");
    } catch (Failure | IOException e) {
      System.out.println("FAIL: " + e.getMessage());
      System.exit(1);
    }
  }

  void run(String killScript) throws Exception {
    // 1. Sign in and open a page with a form.
    Page login = get("login.xhtml");
    Page signedIn =
        post(
            "login.xhtml",
            form(
                "signIn", "signIn",
                "signIn:email", EMAIL,
                "signIn:password", PASSWORD,
                "signIn:submit", "",
                "jakarta.faces.ViewState", login.viewState()));
    signedIn.requireSignedIn("after signing in");
    say("signed in as " + EMAIL + " on " + node());
    Page organisation = get("agency/admin/organisation.xhtml");
    organisation.requireSignedIn("the organisation page");
    String servedBy = node();
    String viewState = organisation.viewState();
    say("opened agency/admin/organisation.xhtml on " + servedBy + ", ViewState " + viewState);

    // 2. Kill that node.
    if (!servedBy.matches("node[0-9]+")) {
      throw new Failure("HAProxy set no SERVERID cookie naming the node");
    }
    Process kill =
        new ProcessBuilder(killScript, servedBy.substring("node".length())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new Failure(killScript + " failed");
    }
    long killedAt = System.nanoTime();
    // HAProxy closes, unanswered, the open connection whose last request the dead node served; a
    // browser then sends its request again on a new connection. So does this check: same cookies,
    // new connections.
    http = client();

    // 3. Post the dead node's form through HAProxy.
    String address = "東京都渋谷区道玄坂1-2-3 (failover " + LocalTime.now().withNano(0) + ")";
    Page saved =
        post(
            "agency/admin/organisation.xhtml",
            form(
                "details", "details",
                "details:address", address,
                "details:registrationNumber", "",
                "details:save", "",
                "jakarta.faces.ViewState", viewState));
    long ms = (System.nanoTime() - killedAt) / 1_000_000;
    saved.requireSignedIn("the form posted after the kill");
    if (node().equals(servedBy)) {
      throw new Failure("the post after the kill was answered by the killed node " + servedBy);
    }
    if (saved.status != 200 || !saved.body.contains(escape(address))) {
      throw new Failure(
          "the post after the kill answered " + saved.status + " without the saved address: "
              + saved.title());
    }
    say("posted the form with the old ViewState: " + saved.status + " from " + node() + ", "
        + ms + " ms after the kill; the address was saved");

    // 4. Keep working: a signed-in page, and the saved value read back.
    Page dashboard = get("agency/dashboard.xhtml");
    dashboard.requireSignedIn("the dashboard after the kill");
    Page again = get("agency/admin/organisation.xhtml");
    again.requireSignedIn("the organisation page after the kill");
    if (!again.body.contains(escape(address))) {
      throw new Failure("the organisation page does not show the saved address");
    }
    say("loaded agency/dashboard.xhtml and read the address back on " + node());
  }

  // ----------------------------------------------------------------- HTTP

  Page get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Page post(String path, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends, then follows redirects on the same (loopback) origin, at most five. */
  Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    noteNode(response);
    for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      if (next.getPath().endsWith("/login.xhtml") && !response.uri().getPath().endsWith("/login.xhtml")) {
        throw new Failure(response.request().method() + " " + response.uri().getPath()
            + " was sent back to sign-in (" + next + ")");
      }
      if (!next.getHost().equals(base.getHost()) || next.getPort() != base.getPort()) {
        throw new Failure("redirect away from " + base + ": " + next);
      }
      response =
          http.send(
              HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      noteNode(response);
    }
    return new Page(response.uri(), response.statusCode(), response.body());
  }

  /** The node that served the last answer, as HAProxy's SERVERID cookie named it. */
  String node() {
    return servedBy;
  }

  /** Notes the SERVERID cookie HAProxy sets when it picks a node (again, after a failover). */
  void noteNode(HttpResponse<?> response) {
    for (String header : response.headers().allValues("set-cookie")) {
      for (HttpCookie c : HttpCookie.parse(header)) {
        if (c.getName().equals("SERVERID")) {
          servedBy = c.getValue();
        }
      }
    }
  }

  static String form(String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static void say(String s) {
    System.out.println(LocalTime.now().withNano(0) + " " + s);
  }

  record Page(URI uri, int status, String body) {
    String viewState() {
      Matcher m = VIEW_STATE.matcher(body);
      if (!m.find()) {
        throw new Failure(uri.getPath() + " has no jakarta.faces.ViewState");
      }
      return m.group(1);
    }

    String title() {
      Matcher m = Pattern.compile("<title>([^<]*)").matcher(body);
      return m.find() ? m.group(1).strip() : "(no title)";
    }

    void requireSignedIn(String what) {
      if (uri.getPath().endsWith("/login.xhtml") || body.contains("id=\"signIn\"")) {
        throw new Failure(what + ": the sign-in page (" + uri + ")");
      }
      if (status != 200) {
        throw new Failure(what + ": HTTP " + status + " " + title());
      }
    }
  }

  static class Failure extends RuntimeException {
    Failure(String message) {
      super(message);
    }
  }
}
