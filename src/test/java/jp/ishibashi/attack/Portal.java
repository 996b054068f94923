package jp.ishibashi.attack;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.ishibashi.ApiClient;
import jp.ishibashi.demo.DemoData;

/**
 * The attack suite's view of a running portal, from the outside only: the demo accounts signed in
 * over REST, its OpenAPI document, and work orders built through the API in the states the attacks
 * need. Every order is one demo agency's (Sakura's unless told), addressed to one of its
 * subcontractors (Tanaka), and carries a title no other test uses, so a page that leaks it is easy
 * to spot.
 */
final class Portal {

  static final String SAKURA_ADMIN = "admin@sakura.example";
  static final String SAKURA_STAFF = "staff@sakura.example";
  static final String TANAKA = "tanaka@freelance.example";
  static final String YAMADA = "yamada@freelance.example";
  static final String AOBA_ADMIN = "admin@aoba.example";
  static final String ITO = "ito@freelance.example";

  final URL base;
  final ApiClient agency;
  final ApiClient sub;
  final long tenantId;
  private final long subcontractorId;

  Portal(URL base) {
    this(base, SAKURA_ADMIN, TANAKA, "田中 美咲");
  }

  /** The portal as seen by another agency's admin and one of its subcontractors. */
  Portal(URL base, String agencyAdmin, String subcontractor, String subcontractorName) {
    this.base = base;
    this.agency = signIn(agencyAdmin);
    this.sub = signIn(subcontractor);
    this.tenantId =
        agency.get("session").json().getJsonObject("agency").getJsonNumber("tenantId").longValue();
    this.subcontractorId = agency.subcontractorId(subcontractorName);
  }

  ApiClient signIn(String email) {
    return new ApiClient(base).signIn(email, DemoData.PASSWORD);
  }

  /** Yamada, who works for Sakura and Aoba, acting for this agency: a subcontractor not on its orders. */
  ApiClient yamadaForSakura() {
    ApiClient yamada = signIn(YAMADA);
    ApiClient.Reply switched =
        yamada.put("session/agency", ApiClient.object("tenantId", tenantId));
    if (switched.status() != 200) {
      throw new IllegalStateException("Yamada cannot act for Sakura: " + switched);
    }
    return yamada;
  }

  /** The OpenAPI document, served at the server's root. */
  JsonObject openApi() {
    try {
      URI uri = base.toURI().resolve("/openapi");
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri)
                      .header("Accept", "application/json")
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET /openapi answered " + r.statusCode());
      }
      try (var reader = Json.createReader(new StringReader(r.body()))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private JsonObject openApi;

  /** The resolved schema of an operation's JSON body, or null. */
  JsonObject openApiSchema(Operation op) {
    if (openApi == null) {
      openApi = openApi();
    }
    return op.jsonBody() == null ? null : resolve(openApi, op.jsonBody());
  }

  /** One operation of the OpenAPI document: its method and its path below {@code /api/}. */
  record Operation(String method, String path, JsonObject spec) {

    String key() {
      return method + " " + path;
    }

    boolean hasPathIds() {
      return path.contains("{");
    }

    /** The schema of its JSON request body, or null. */
    JsonObject jsonBody() {
      JsonObject body = spec.getJsonObject("requestBody");
      if (body == null || !body.getJsonObject("content").containsKey("application/json")) {
        return null;
      }
      return body.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
    }
  }

  /** Every operation under {@code /api/}, whatever prefix the context root adds. */
  static List<Operation> operations(JsonObject openApi) {
    List<Operation> ops = new ArrayList<>();
    for (var path : openApi.getJsonObject("paths").entrySet()) {
      int api = path.getKey().indexOf("/api/");
      if (api < 0) {
        continue;
      }
      String relative = path.getKey().substring(api + "/api/".length());
      for (var op : path.getValue().asJsonObject().entrySet()) {
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          ops.add(new Operation(method, relative, op.getValue().asJsonObject()));
        }
      }
    }
    return ops;
  }

  /** A schema with its {@code $ref} followed. */
  static JsonObject resolve(JsonObject openApi, JsonObject schema) {
    JsonObject s = schema;
    while (s != null && s.containsKey("$ref")) {
      String name = s.getString("$ref").substring("#/components/schemas/".length());
      s = openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return s;
  }

  // ---- Orders, built over REST ----

  /** A work order as the attacks remember it. */
  record Order(long id, String title) {
    String path() {
      return "work-orders/" + id;
    }
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  /** A unique title; its marker is what a leaking page would show. */
  static String title(String what) {
    return what + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A draft with the given number of ¥100,000 lines. */
  Order draft(String what, int lines) {
    String title = title(what);
    ApiClient.Reply created =
        ok(201, () -> agency.post(
            "work-orders",
            ApiClient.object(
                "title", title,
                "description", "攻撃試験",
                "subcontractorId", subcontractorId,
                "language", "ja",
                "currency", "JPY",
                "commissionedOn", today(),
                "deliveryDate", today().plusDays(30),
                "placeOfDelivery", "メールで納品",
                "reviewDays", 7,
                "paymentDueDate", today().plusDays(50),
                "paymentMethod", "銀行振込")));
    Order order = new Order(created.json().getJsonNumber("id").longValue(), title);
    for (int i = 1; i <= lines; i++) {
      String text = "ページ " + i;
      ok(201, () -> agency.post(order.path() + "/lines", line(text)));
    }
    return order;
  }

  static String line(String text) {
    return ApiClient.object(
        "text", text,
        "deliverable", "HTML",
        "acceptanceCriteria", "表示できること",
        "quantity", "1",
        "unit", "PAGE",
        "unitPrice", "100000");
  }

  /** A draft sent to the subcontractor: NEGOTIATING. */
  Order sent(String what, int lines) {
    Order order = draft(what, lines);
    ok(200, () -> agency.post(order.path() + "/send", version(agency.get(order.path()).json())));
    return order;
  }

  /** Terms and every line accepted by the subcontractor: AGREED, an agreement awaits signatures. */
  Order agreed(String what, int lines) {
    Order order = sent(what, lines);
    JsonObject o = ok(200, () -> sub.post(order.path() + "/terms/accept", version(sub.get(order.path()).json()))).json();
    for (JsonObject l : lines(o)) {
      ok(200, () -> sub.post(order.path() + "/lines/" + id(l) + "/accept", version(l)));
    }
    return order;
  }

  /** Signed by both: SIGNED. */
  Order signed(String what, int lines) {
    Order order = agreed(what, lines);
    JsonObject pending = pendingAgreement(order);
    String path = order.path() + "/agreements/" + id(pending) + "/signatures";
    String body =
        ApiClient.object("contentHash", pending.getString("contentHash"), "password", DemoData.PASSWORD);
    ok(200, () -> agency.post(path, body));
    ok(200, () -> sub.post(path, body));
    return order;
  }

  /** Signed and its escrow funded: FUNDED. */
  Order funded(String what, int lines) {
    Order order = signed(what, lines);
    ok(200, () -> fund(agency, order, "振込-" + order.id()));
    return order;
  }

  ApiClient.Reply fund(ApiClient who, Order order, String reference) {
    return who.post(order.path() + "/fulfilment/escrow/fund", ApiClient.object("reference", reference));
  }

  /** The newest agreement version, as the agency sees it. */
  JsonObject pendingAgreement(Order order) {
    JsonArray list = ok(200, () -> agency.get(order.path() + "/agreements")).array();
    return list.getJsonObject(0);
  }

  static String version(JsonObject o) {
    return ApiClient.object("version", o.getJsonNumber("version").longValue());
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  static List<JsonObject> lines(JsonObject order) {
    return order.getJsonArray("lines").getValuesAs(JsonObject.class);
  }

  /**
   * Sends a set-up request until it answers the status, at most five times: a 409 {@code
   * error.conflict} means a lock was held too long by a concurrent change (H2 waits one second),
   * and asks the client to try again.
   */
  static ApiClient.Reply ok(int status, java.util.function.Supplier<ApiClient.Reply> request) {
    ApiClient.Reply reply = request.get();
    for (int i = 0; i < 4 && reply.status() == 409 && "error.conflict".equals(problemMember(reply, "key")); i++) {
      reply = request.get();
    }
    return expect(status, reply);
  }

  static ApiClient.Reply expect(int status, ApiClient.Reply reply) {
    if (reply.status() != status) {
      throw new IllegalStateException("Expected " + status + ", got " + reply);
    }
    return reply;
  }

  /** Whether a reply is problem details, as every refusal must be. */
  static boolean isProblem(ApiClient.Reply reply) {
    String type = reply.header("Content-Type");
    return type != null && type.startsWith("application/problem+json");
  }

  /** The problem's member, or null when the reply is not a problem or lacks it. */
  static String problemMember(ApiClient.Reply reply, String name) {
    if (!isProblem(reply)) {
      return null;
    }
    try {
      JsonObject p = reply.json();
      JsonValue v = p.get(name);
      return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : p.getString(name);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
