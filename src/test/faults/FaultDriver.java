import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the fault script (run.sh): it drives the portal's REST API as the demo agency
 * and subcontractor, moves the test clock, and runs the audit chain's verification on the admin's
 * page. Plain JDK, no libraries, so run.sh compiles it with javac alone.
 *
 * <pre>
 * loop  BASE ACKLOG WORKERS MAX_SECONDS  fund, deliver, accept and let reviews lapse until the
 *                                        portal goes away (run.sh kills it) or MAX_SECONDS pass;
 *                                        every effect the portal acknowledged (2xx) is appended to
 *                                        ACKLOG as a tab-separated line before the next request
 * clock BASE DAYS HOURS                  move the portal's clock and poll the deadlines; prints the
 *                                        portal's time, cut to the database's microseconds, and
 *                                        how many deadlines that poll fired
 * audit BASE                             verify the agency's audit chain as its admin; prints
 *                                        "INTACT n" (exit 0) or "BROKEN text" (exit 1)
 * </pre>
 */
public class FaultDriver {

  static final String PASSWORD = "ishibashi-demo-2026";
  static final String AGENCY = "admin@sakura.example";
  static final String SUB = "tanaka@freelance.example";
  static final String SUB_NAME = "田中 美咲";
  static final String TITLE = "障害試験";
  static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[1].endsWith("/") ? args[1] : args[1] + "/");
    switch (args[0]) {
      case "loop" ->
          new Loop(base, Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]))
              .run();
      case "clock" -> {
        Map<String, Object> moved = clock(base, Long.parseLong(args[2]), Long.parseLong(args[3]));
        Instant now = Instant.parse((String) moved.get("now")).truncatedTo(ChronoUnit.MICROS);
        System.out.println(now + " " + moved.get("deadlinesFired"));
      }
      case "audit" -> System.exit(audit(base) ? 0 : 1);
      default -> throw new IllegalArgumentException("Unknown command " + args[0]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  /** Thrown when the portal no longer answers: it was killed. */
  static final class Gone extends RuntimeException {
    Gone(IOException cause) {
      super(cause);
    }
  }

  /** An answer the loop did not expect from a live portal. */
  static final class Unexpected extends RuntimeException {
    Unexpected(String what, Reply reply) {
      super(what + ": " + reply);
    }
  }

  static final class Loop {
    private static final int POOL_PER_WORKER = 2;
    private final URI base;
    private final Path ackLog;
    private final int workers;
    private final long until;
    private final ConcurrentLinkedQueue<Long> signed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicInteger cycles = new AtomicInteger();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger unexpected = new AtomicInteger();
    private final AtomicInteger inDoubt = new AtomicInteger();
    private final AtomicInteger orderSeq = new AtomicInteger();
    private long subcontractorId;

    Loop(URI base, Path ackLog, int workers, int maxSeconds) {
      this.base = base;
      this.ackLog = ackLog;
      this.workers = workers;
      this.until = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
    }

    void run() throws InterruptedException {
      Session agency = new Session(base).signIn(AGENCY);
      subcontractorId = agency.subcontractorId(SUB_NAME);
      // Signed orders of earlier runs that nobody funded yet are used first.
      Map<String, Object> page =
          agency.get("work-orders?status=SIGNED&size=100&sort=number&asc=true").json();
      for (Object o : list(page.get("items"))) {
        Map<String, Object> item = map(o);
        if (((String) item.get("title")).startsWith(TITLE)) {
          signed.add(num(item.get("id")).longValue());
        }
      }
      // Signing is set-up, not what the kill aims at: a few signed orders per worker wait before
      // the loop starts (a worker that runs out signs more inside the loop).
      int waiting = signed.size();
      List<Thread> preparing = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        Thread t =
            new Thread(
                () -> {
                  Session a = new Session(base).signIn(AGENCY);
                  Session s = new Session(base).signIn(SUB);
                  while (signed.size() < POOL_PER_WORKER * workers) {
                    try {
                      signed.add(createSigned(a, s));
                    } catch (Unexpected e) {
                      unexpected.incrementAndGet();
                      System.out.println("UNEXPECTED " + e.getMessage());
                      System.out.flush();
                    }
                  }
                },
                "prepare-" + i);
        preparing.add(t);
        t.start();
      }
      for (Thread t : preparing) {
        t.join();
      }
      System.out.println(
          "LOOP STARTED with "
              + signed.size()
              + " signed orders waiting ("
              + (signed.size() - waiting)
              + " signed now)");
      System.out.flush();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        long seed = System.nanoTime() + i;
        Thread t = new Thread(() -> work(new Random(seed)), "worker-" + i);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      System.out.println(
          "LOOP ENDED "
              + (gone.get() ? "portal gone" : "time up")
              + ": cycles "
              + cycles.get()
              + ", acknowledged effects "
              + acks.get()
              + ", requests in doubt "
              + inDoubt.get()
              + ", unexpected answers "
              + unexpected.get());
      System.exit(unexpected.get() == 0 ? 0 : 3);
    }

    private void work(Random random) {
      Session agency;
      Session sub;
      try {
        agency = new Session(base).signIn(AGENCY);
        sub = new Session(base).signIn(SUB);
      } catch (Gone e) {
        gone.set(true);
        return;
      }
      while (!gone.get() && System.nanoTime() < until) {
        try {
          Long id = signed.poll();
          cycle(agency, sub, id != null ? id : createSigned(agency, sub), random);
          cycles.incrementAndGet();
        } catch (Gone e) {
          // The request in flight when the portal died: committed or not, nobody was told.
          inDoubt.incrementAndGet();
          gone.set(true);
        } catch (Unexpected e) {
          unexpected.incrementAndGet();
          System.out.println("UNEXPECTED " + e.getMessage());
          System.out.flush();
        }
      }
    }

    /** A new order of two lines (¥100,000 and ¥50,000), agreed and signed by both. */
    private long createSigned(Session agency, Session sub) {
      LocalDate today = LocalDate.ofInstant(portalNow(agency), ZONE);
      Reply created =
          agency.post(
              "work-orders",
              json(
                  "title", TITLE + " " + ProcessHandle.current().pid() + "-" + orderSeq.incrementAndGet(),
                  "subcontractorId", subcontractorId,
                  "language", "ja",
                  "currency", "JPY",
                  "commissionedOn", today.toString(),
                  "deliveryDate", today.plusDays(60).toString(),
                  "placeOfDelivery", "メールで納品",
                  "reviewDays", 7,
                  "paymentDueDate", today.plusDays(90).toString(),
                  "paymentMethod", "銀行振込"));
      expect(created, 201, "create");
      long id = num(created.json().get("id")).longValue();
      String order = "work-orders/" + id;
      expect(agency.post(order + "/lines", line("トップページ", "100000")), 201, "line 1");
      expect(agency.post(order + "/lines", line("下層ページ", "50000")), 201, "line 2");
      long version = num(expect(agency.get(order), 200, "order").json().get("version")).longValue();
      expect(agency.post(order + "/send", json("version", version)), 200, "send");
      version = num(expect(sub.get(order), 200, "order").json().get("version")).longValue();
      Map<String, Object> agreed =
          expect(sub.post(order + "/terms/accept", json("version", version)), 200, "terms").json();
      for (Object o : list(agreed.get("lines"))) {
        Map<String, Object> l = map(o);
        expect(
            sub.post(
                order + "/lines/" + num(l.get("id")) + "/accept",
                json("version", num(l.get("version")).longValue())),
            200,
            "accept line");
      }
      Map<String, Object> agreement =
          map(list(expect(agency.get(order + "/agreements"), 200, "agreements").array()).get(0));
      String signatures = order + "/agreements/" + num(agreement.get("id")) + "/signatures";
      String body = json("contentHash", agreement.get("contentHash"), "password", PASSWORD);
      expect(agency.post(signatures, body), 200, "agency signs");
      expect(sub.post(signatures, body), 200, "subcontractor signs");
      ack("SIGNED", id, 0, "");
      return id;
    }

    /**
     * Funding, start, a delivery of the first line that the agency accepts (sometimes after a
     * rejection and a second delivery), a delivery of the second line left unanswered, and the
     * clock moved past its review period: deemed acceptance releases the rest.
     */
    private void cycle(Session agency, Session sub, long id, Random random) {
      String order = "work-orders/" + id;
      String f = order + "/fulfilment/";
      Map<String, Object> o = expect(agency.get(order), 200, "order").json();
      if (!"SIGNED".equals(o.get("status"))) {
        return; // funded by a request whose answer the last kill swallowed
      }
      long first = 0;
      long second = 0;
      for (Object l : list(o.get("lines"))) {
        Map<String, Object> line = map(l);
        long lineId = num(line.get("id")).longValue();
        if (num(line.get("unitPrice")).compareTo(new BigDecimal("100000")) == 0) {
          first = lineId;
        } else {
          second = lineId;
        }
      }
      Reply funded = agency.post(f + "escrow/fund", json("reference", TITLE + "-振込-" + id));
      expect(funded, 200, "fund");
      ack("FUNDED", id, 0, "");
      expect(sub.post(f + "start", "{}"), 200, "start");
      ack("STARTED", id, 0, "");

      int n = deliver(sub, id, first);
      if (random.nextInt(4) == 0) {
        Reply rejected =
            agency.post(
                f + "deliveries/reject", "{\"reason\":\"修正をお願いします\",\"lineIds\":[" + first + "]}");
        if (rejected.status() == 200) {
          ack("REJECTED", id, n, "");
          n = deliver(sub, id, first);
        } else {
          deemedMeanwhile(agency, id, n, rejected);
        }
      }
      if (!deemed(agency, id, n)) {
        Reply accepted = agency.post(f + "deliveries/accept", "{}");
        if (accepted.status() == 200) {
          ack("ACCEPTED", id, n, "");
        } else {
          deemedMeanwhile(agency, id, n, accepted);
        }
      }

      int last = deliver(sub, id, second);
      Map<String, Object> moved = clock(agency, 8, 0);
      if (moved == null) {
        throw new Unexpected("clock", null);
      }
      if (!deemed(agency, id, last)) {
        throw new Unexpected(
            "delivery " + last + " of " + id + " not deemed accepted after the review period", null);
      }
      Map<String, Object> escrow = expect(agency.get(f + "escrow"), 200, "escrow").json();
      if (!"PAID".equals(escrow.get("orderStatus"))
          || num(escrow.get("held")).signum() != 0
          || num(escrow.get("released")).compareTo(new BigDecimal("165000")) != 0) {
        throw new Unexpected("order " + id + " not paid in full: " + escrow, null);
      }
      ack("PAID", id, 0, "");
    }

    /** Delivers one line; returns the delivery's number. */
    private int deliver(Session sub, long id, long lineId) {
      Reply delivered =
          sub.post(
              "work-orders/" + id + "/fulfilment/deliveries",
              "{\"note\":\"納品します\",\"lineIds\":[" + lineId + "]}");
      expect(delivered, 200, "deliver");
      int n = num(delivered.json().get("number")).intValue();
      ack("DELIVERED", id, n, String.valueOf(lineId));
      return n;
    }

    /** Whether delivery n is deemed accepted (acknowledged when it is). */
    private boolean deemed(Session agency, long id, int n) {
      Reply deliveries = expect(agency.get("work-orders/" + id + "/fulfilment/deliveries"), 200, "deliveries");
      for (Object d : list(deliveries.array())) {
        Map<String, Object> delivery = map(d);
        if (num(delivery.get("number")).intValue() == n
            && "DEEMED_ACCEPTED".equals(delivery.get("state"))) {
          ack("DEEMED", id, n, "");
          return true;
        }
      }
      return false;
    }

    /**
     * An answer refused because another worker's clock move let the review period of delivery n
     * lapse first: fine when the delivery is indeed deemed accepted now.
     */
    private void deemedMeanwhile(Session agency, long id, int n, Reply refusal) {
      if (refusal.status() != 409 || !deemed(agency, id, n)) {
        throw new Unexpected("review of delivery " + n + " of " + id, refusal);
      }
    }

    private Instant portalNow(Session session) {
      return Instant.parse((String) clock(session, 0, 0).get("now"));
    }

    private synchronized void ack(String what, long orderId, int delivery, String lines) {
      try {
        Files.writeString(
            ackLog,
            what + "\t" + orderId + "\t" + delivery + "\t" + lines + "\n",
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot write " + ackLog, e);
      }
      acks.incrementAndGet();
    }
  }

  static String line(String text, String unitPrice) {
    return json(
        "text", text, "deliverable", "HTML", "quantity", "1", "unit", "PAGE", "unitPrice", unitPrice);
  }

  static Reply expect(Reply reply, int status, String what) {
    if (reply.status() != status) {
      throw new Unexpected(what, reply);
    }
    return reply;
  }

  // ---------------------------------------------------------------------------------------------
  // Clock and audit

  static Map<String, Object> clock(URI base, long days, long hours) {
    return clock(new Session(base), days, hours);
  }

  static Map<String, Object> clock(Session session, long days, long hours) {
    return expect(session.post("test/clock", json("days", days, "hours", hours)), 200, "clock").json();
  }

  static boolean audit(URI base) {
    Session admin = new Session(base).signIn(AGENCY);
    Reply page = expect(admin.getFromRoot("agency/admin/audit.xhtml"), 200, "audit page");
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
    if (!state.find()) {
      throw new Unexpected("audit page without view state", page);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("audit", "audit");
    form.put("audit:verify", "");
    form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    Reply verified = expect(admin.postForm("agency/admin/audit.xhtml", form), 200, "verify");
    Matcher intact =
        Pattern.compile("<p id=\"intact\">(.*?)</p>", Pattern.DOTALL).matcher(verified.body());
    if (intact.find()) {
      Matcher count = Pattern.compile("([0-9][0-9,]*)").matcher(intact.group(1).replaceAll("<[^>]+>", ""));
      if (!count.find()) {
        throw new Unexpected("no count in " + intact.group(1), verified);
      }
      System.out.println("INTACT " + count.group(1).replace(",", ""));
      return true;
    }
    Matcher result =
        Pattern.compile("<div id=\"result\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(verified.body());
    System.out.println(
        "BROKEN "
            + (result.find()
                ? result.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()
                : "(no verification result on the page)"));
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  record Reply(int status, String body) {
    Map<String, Object> json() {
      return map(Json.parse(body));
    }

    Object array() {
      return Json.parse(body);
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
  }

  /** One user's session: its own cookie jar. */
  static final class Session {
    private final URI base;
    private final HttpClient http;

    Session(URI base) {
      this.base = base;
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    Session signIn(String email) {
      expect(post("session", json("email", email, "password", PASSWORD)), 204, "sign-in " + email);
      return this;
    }

    long subcontractorId(String name) {
      for (Object o : list(expect(get("subcontractors"), 200, "subcontractors").array())) {
        if (name.equals(map(o).get("name"))) {
          return num(map(o).get("id")).longValue();
        }
      }
      throw new IllegalStateException("No subcontractor " + name);
    }

    Reply get(String path) {
      return send("GET", base.resolve("api/" + path), null, null);
    }

    Reply getFromRoot(String path) {
      return send("GET", base.resolve(path), null, null);
    }

    Reply post(String path, String json) {
      return send("POST", base.resolve("api/" + path), "application/json", json);
    }

    Reply postForm(String path, Map<String, String> fields) {
      StringBuilder body = new StringBuilder();
      fields.forEach(
          (k, v) ->
              body.append(body.length() == 0 ? "" : "&")
                  .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                  .append('=')
                  .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return send("POST", base.resolve(path), "application/x-www-form-urlencoded", body.toString());
    }

    private Reply send(String method, URI uri, String contentType, String body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(120))
              .header("Accept-Language", "ja")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
      } catch (IOException e) {
        throw new Gone(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON: just enough to write requests and read answers

  static String json(Object... namesAndValues) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.append(i == 0 ? "" : ",").append(quote((String) namesAndValues[i])).append(':');
      Object v = namesAndValues[i + 1];
      out.append(v instanceof String s ? quote(s) : String.valueOf(v));
    }
    return out.append('}').toString();
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  /** A JSON number, or a decimal string such as an amount. */
  static BigDecimal num(Object o) {
    return o instanceof BigDecimal d ? d : new BigDecimal((String) o);
  }

  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json p = new Json(text);
      Object value = p.value();
      p.space();
      if (p.i != text.length()) {
        throw new IllegalArgumentException("Trailing text in JSON: " + text);
      }
      return value;
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Object value() {
      space();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        do {
          space();
          String key = string();
          space();
          i++; // ':'
          m.put(key, value());
          space();
        } while (s.charAt(i++) == ',');
        return m;
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        do {
          l.add(value());
          space();
        } while (s.charAt(i++) == ',');
        return l;
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      return new BigDecimal(s.substring(start, i));
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      i++; // opening quote
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }
}
