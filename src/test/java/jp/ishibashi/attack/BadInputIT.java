package jp.ishibashi.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.attack.Portal.Operation;
import jp.ishibashi.attack.Portal.Order;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input for every JSON body of {@code /openapi}: each field of each operation's request schema
 * (and of the first element of an array of objects) gets every value of a corpus of hostile values,
 * in a body that is otherwise one the operation accepts in the order's current state; each
 * operation also gets one 2 MB string and malformed bodies. Nothing may answer 5xx; a refusal is
 * problem details, and a 400 about a well-formed body names the {@code field}. All findings are
 * collected and listed in one failure, by operation, field, value and status.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

  private static final int THREADS = 3;
  private static final String HOLE = "@@fuzz@@";

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Test
  void noBadInputFailsTheServerAndEveryRefusalNamesItsProblem() {
    Report report = attack(base);
    System.out.println(report.summary());
    assertTrue(report.inputs.get() > 0, "no bad input was sent");
    assertEquals(
        List.of(),
        report.findings,
        report.summary() + ":\n" + String.join("\n", report.findings));
  }

  /** A value of the corpus: a label for the report and the raw JSON put in the field's place. */
  record Bad(String label, String json) {}

  static final List<Bad> CORPUS =
      List.of(
          new Bad("empty", "\"\""),
          new Bad("whitespace", "\"  \\t \""),
          new Bad("ideographic space", "\"\u3000\""),
          new Bad("10k string", "\"" + "あ".repeat(10_000) + "\""),
          new Bad("1e308", "1e308"),
          new Bad("-1e308", "-1e308"),
          new Bad("1e-308", "1e-308"),
          new Bad("2^70", "1180591620717411303424"),
          new Bad("1e999999", "1e999999"),
          new Bad("exponent 1E+2", "1E+2"),
          new Bad("exponent -1.5e-3", "-1.5e-3"),
          new Bad("NaN", "NaN"),
          new Bad("\"NaN\"", "\"NaN\""),
          new Bad("-0", "-0"),
          new Bad("-0.0", "-0.0"),
          new Bad("string for number", "\"12abc\""),
          new Bad("object", "{\"a\":1}"),
          new Bad("array", "[1,2]"),
          new Bad("boolean", "true"),
          new Bad("2026-02-30", "\"2026-02-30\""),
          new Bad("yesterday", "\"yesterday\""),
          new Bad("unknown enum", "\"NOT_A_VALUE\""),
          new Bad("NUL", "\"a\\u0000b\""),
          new Bad("lone surrogate", "\"\\ud800\""),
          new Bad("full-width digits", "\"１２３\""),
          new Bad("negative", "-1"));

  /** What was sent and what went wrong. */
  static final class Report {
    final AtomicInteger inputs = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    int operations;
    int fields;
    final List<String> findings = Collections.synchronizedList(new ArrayList<>());

    String summary() {
      return "Bad input: " + inputs + " requests over " + operations + " operations and " + fields
          + " fields, " + serverErrors + " answered 5xx, " + findings.size() + " findings";
    }
  }

  /** What one attempt sends: who, where, and a body the operation accepts as it is. */
  record Case(ApiClient who, String path, JsonObject body) {}

  /** How to get a case for an operation, and a fresh one after a hostile body was accepted. */
  static class Scenario {
    private final Supplier<Case> fresh;
    private final UnaryOperator<Case> afterSuccess;
    private Case current;
    private Runnable afterEach = () -> {};
    /** The key of the refusal the unchanged body gets, if it is refused: not about any field. */
    private String baselineKey;

    Scenario(Supplier<Case> fresh, UnaryOperator<Case> afterSuccess) {
      this.fresh = fresh;
      this.afterSuccess = afterSuccess;
    }

    Scenario(Supplier<Case> fresh) {
      this(fresh, null);
    }

    Case current() {
      if (current == null) {
        current = fresh.get();
      }
      return current;
    }

    void accepted(ApiClient.Reply reply) {
      current = afterSuccess == null ? fresh.get() : afterSuccess.apply(current);
    }

    void replace(Case c) {
      current = c;
    }

    /** Runs after every attempt: a signer's wrong passwords must not lock the shared account. */
    Scenario afterEach(Runnable r) {
      this.afterEach = r;
      return this;
    }

    static Scenario stateless(Supplier<Case> c) {
      return new Scenario(c, same -> same);
    }
  }

  static Report attack(URL base) {
    Portal portal = new Portal(base);
    JsonObject openApi = portal.openApi();
    Report report = new Report();
    Map<Operation, List<String>> targets = new LinkedHashMap<>();
    for (Operation op : Portal.operations(openApi)) {
      JsonObject schema = op.jsonBody();
      if (schema != null) {
        targets.put(op, fields(openApi, Portal.resolve(openApi, schema), ""));
      }
    }
    report.operations = targets.size();
    report.fields = targets.values().stream().mapToInt(List::size).sum();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (var e : targets.entrySet()) {
        Scenario scenario = scenario(portal, e.getKey());
        runs.add(pool.submit(() -> attack(report, e.getKey(), e.getValue(), scenario)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    return report;
  }

  /** The fields of a body schema, and those of the first element of arrays of objects. */
  static List<String> fields(JsonObject openApi, JsonObject schema, String prefix) {
    List<String> fields = new ArrayList<>();
    JsonObject props = schema == null ? null : schema.getJsonObject("properties");
    if (props == null) {
      return fields;
    }
    for (var p : props.entrySet()) {
      fields.add(prefix + p.getKey());
      JsonObject s = p.getValue().asJsonObject();
      if ("array".equals(s.getString("type", "")) && s.containsKey("items")) {
        JsonObject item = Portal.resolve(openApi, s.getJsonObject("items"));
        if (item != null && item.containsKey("properties")) {
          fields.addAll(fields(openApi, item, prefix + p.getKey() + "[0]."));
        }
      }
    }
    return fields;
  }

  private static void attack(Report report, Operation op, List<String> fields, Scenario scenario) {
    try {
      baseline(report, op, scenario);
      for (String field : fields) {
        for (Bad bad : CORPUS) {
          send(report, op, scenario, field, bad.label(), bad.json(), true);
        }
      }
      String first = fields.isEmpty() ? "x" : fields.get(0);
      send(report, op, scenario, first, "2 MB string", "\"" + "x".repeat(2 * 1024 * 1024) + "\"", true);
      malformed(report, op, scenario);
    } catch (RuntimeException e) {
      report.findings.add(op.key() + ": the attack could not go on: " + e);
    }
  }

  /**
   * Sends the body unchanged: a refusal it gets (a state the scenario cannot leave, such as a
   * demand before its time) concerns no field, so the same refusal of a changed body is no finding.
   */
  private static void baseline(Report report, Operation op, Scenario scenario) {
    Case c = scenario.current();
    ApiClient.Reply reply = attempt(report, op, c, "application/json", c.body().toString(), "(unchanged)");
    if (reply == null) {
      return;
    }
    scenario.afterEach.run();
    judge(report, op, "(none)", "unchanged body", reply, false, null);
    if (reply.status() / 100 == 2) {
      scenario.accepted(reply);
    } else {
      scenario.baselineKey = Portal.problemMember(reply, "key");
    }
  }

  /** One request; a connection closed or timed out without an answer is a finding. */
  private static ApiClient.Reply attempt(
      Report report, Operation op, Case c, String type, String body, String what) {
    report.inputs.incrementAndGet();
    try {
      return c.who().send(op.method(), c.path(), type, body);
    } catch (java.io.UncheckedIOException e) {
      report.findings.add(op.key() + " " + what + ": no answer (" + e.getCause() + ")");
      return null;
    }
  }

  private static void send(
      Report report, Operation op, Scenario scenario, String field, String label, String raw,
      boolean fieldMatters) {
    Case c = scenario.current();
    String body = withField(c.body(), field, raw);
    ApiClient.Reply reply =
        attempt(report, op, c, "application/json", body, "field " + field + " = " + label);
    scenario.afterEach.run();
    if (reply == null) {
      return;
    }
    judge(report, op, field, label, reply, fieldMatters && wellFormed(body), scenario.baselineKey);
    if (reply.status() / 100 == 2) {
      scenario.accepted(reply);
    }
  }

  private static void malformed(Report report, Operation op, Scenario scenario) {
    Case c = scenario.current();
    String whole = c.body().toString();
    Map<String, String[]> bodies = new LinkedHashMap<>();
    bodies.put("truncated", new String[] {"application/json", whole.substring(0, whole.length() / 2)});
    bodies.put("trailing garbage", new String[] {"application/json", whole + "}}garbage"});
    bodies.put("empty body", new String[] {"application/json", ""});
    bodies.put("null", new String[] {"application/json", "null"});
    bodies.put("top-level array", new String[] {"application/json", "[" + whole + "]"});
    bodies.put("top-level string", new String[] {"application/json", "\"text\""});
    bodies.put("invalid UTF-8 escape", new String[] {"application/json", "{\"a\":\"\\uZZZZ\"}"});
    bodies.put("text/plain", new String[] {"text/plain", whole});
    bodies.put("form", new String[] {"application/x-www-form-urlencoded", "a=1"});
    bodies.put("JSON charset latin1", new String[] {"application/json; charset=ISO-8859-1", whole});
    for (var b : bodies.entrySet()) {
      c = scenario.current();
      ApiClient.Reply reply = attempt(report, op, c, b.getValue()[0], b.getValue()[1], b.getKey());
      scenario.afterEach.run();
      if (reply == null) {
        continue;
      }
      judge(report, op, "(body)", b.getKey(), reply, false, null);
      if (reply.status() / 100 == 2) {
        scenario.accepted(reply);
      }
    }
  }

  private static void judge(
      Report report, Operation op, String field, String label, ApiClient.Reply reply,
      boolean needsField, String notAboutFields) {
    int status = reply.status();
    String where = op.key() + " field " + field + " = " + label + ": " + status;
    if (status >= 500) {
      report.serverErrors.incrementAndGet();
      report.findings.add(where + " " + IdorMatrixIT.abbreviate(reply.body()));
      return;
    }
    if (status < 400) {
      return;
    }
    if (!Portal.isProblem(reply)) {
      report.findings.add(where + " is not application/problem+json but " + reply.header("Content-Type"));
      return;
    }
    String key = Portal.problemMember(reply, "key");
    if (status == 400
        && needsField
        && Portal.problemMember(reply, "field") == null
        && !(key != null && key.equals(notAboutFields))) {
      report.findings.add(where + " names no field (key " + key + ")");
    }
  }

  /** The body with one field, possibly nested as {@code edits[0].unit}, replaced by raw JSON. */
  static String withField(JsonObject body, String field, String raw) {
    return put(body, field).toString().replace("\"" + HOLE + "\"", raw);
  }

  private static JsonObject put(JsonObject body, String field) {
    int dot = field.indexOf("[0].");
    JsonObjectBuilder b = Json.createObjectBuilder(body);
    if (dot < 0) {
      return b.add(field, HOLE).build();
    }
    String array = field.substring(0, dot);
    JsonObject first =
        body.containsKey(array) && !body.getJsonArray(array).isEmpty()
            ? body.getJsonArray(array).getJsonObject(0)
            : JsonValue.EMPTY_JSON_OBJECT;
    return b.add(
            array, Json.createArrayBuilder().add(put(first, field.substring(dot + "[0].".length()))))
        .build();
  }

  private static boolean wellFormed(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      reader.read();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  // ---- A way to reach each operation in a state where its body is otherwise accepted ----

  static Scenario scenario(Portal p, Operation op) {
    String path = op.path();
    String k = op.method() + " " + path;
    switch (k) {
      case "POST session":
        return Scenario.stateless(
            () ->
                new Case(
                    new ApiClient(p.base),
                    path,
                    obj("email", "nobody-" + UUID.randomUUID() + "@example.test", "password", "wrong")));
      case "PUT session/agency":
        {
          ApiClient own = p.signIn(Portal.SAKURA_ADMIN);
          return Scenario.stateless(() -> new Case(own, path, obj("tenantId", p.tenantId)));
        }
      case "POST work-orders":
        return Scenario.stateless(() -> new Case(p.agency, path, terms(p, null)));
      case "PUT work-orders/{id}/terms":
        return new Scenario(
            () -> {
              Order o = p.draft("不正入力 条件", 1);
              return new Case(p.agency, o.path() + "/terms", terms(p, version(p.agency, o.path())));
            },
            c -> new Case(c.who(), c.path(), terms(p, version(p.agency, parent(c.path())))));
      case "POST work-orders/{id}/send":
        return new Scenario(
            () -> {
              Order o = p.draft("不正入力 送付", 1);
              return new Case(p.agency, o.path() + "/send", obj("version", version(p.agency, o.path())));
            });
      case "POST work-orders/{id}/terms/accept":
        return new Scenario(
            () -> {
              Order o = p.sent("不正入力 条件承諾", 1);
              return new Case(p.sub, o.path() + "/terms/accept", obj("version", version(p.sub, o.path())));
            });
      case "POST work-orders/{id}/lines":
        {
          Order[] o = new Order[1];
          return Scenario.stateless(
              () -> {
                if (o[0] == null) {
                  o[0] = p.draft("不正入力 行追加", 0);
                }
                return new Case(p.agency, o[0].path() + "/lines", line());
              });
        }
      case "PUT work-orders/{id}/lines/{lineId}":
        return new Scenario(
            () -> lineCase(p, p.agency, p.draft("不正入力 行編集", 1), "", true),
            c -> {
              // Back to the sample content, so the next value is compared with it and not with
              // what the last accepted value left ("unchanged" would then be about the line).
              Case fresh = lineCase(p, p.agency, orderOf(c.path()), "", true);
              p.agency.put(fresh.path(), fresh.body().toString());
              return lineCase(p, p.agency, orderOf(c.path()), "", true);
            });
      case "POST work-orders/{id}/lines/{lineId}/accept":
        {
          Order o = p.sent("不正入力 行承諾", 1);
          return new Scenario(
              () -> {
                Portal.expect(201, p.agency.post(o.path() + "/lines", Portal.line("追加 " + UUID.randomUUID())));
                return lineCase(p, p.sub, o, "/accept", false);
              });
        }
      case "POST work-orders/{id}/lines/{lineId}/keep":
        {
          Order o = p.sent("不正入力 行維持", 1);
          return new Scenario(
              () -> {
                Portal.expect(201, p.agency.post(o.path() + "/lines", Portal.line("維持 " + UUID.randomUUID())));
                JsonObject l = newestLine(p.sub, o);
                Portal.expect(
                    200,
                    p.sub.delete(o.path() + "/lines/" + Portal.id(l) + "?version=" + l.getJsonNumber("version")));
                return lineCase(p, p.agency, o, "/keep", false);
              });
        }
      case "POST work-orders/{id}/agreements/{agreementId}/signatures":
        return new Scenario(
            () -> {
              Order o = p.agreed("不正入力 署名", 1);
              JsonObject a = p.pendingAgreement(o);
              return new Case(
                  p.agency,
                  o.path() + "/agreements/" + Portal.id(a) + "/signatures",
                  obj("contentHash", a.getString("contentHash"), "password", DemoData.PASSWORD));
            })
            .afterEach(() -> p.signIn(Portal.SAKURA_ADMIN));
      case "POST work-orders/{id}/change-requests/preview":
        {
          Order[] o = new Order[1];
          return Scenario.stateless(
              () -> {
                if (o[0] == null) {
                  o[0] = p.signed("不正入力 見積", 1);
                }
                return new Case(p.agency, o[0].path() + "/change-requests/preview", proposal());
              });
        }
      case "POST work-orders/{id}/change-requests":
        return new Scenario(
            () -> new Case(p.agency, p.signed("不正入力 変更", 1).path() + "/change-requests", proposal()),
            null) {
          @Override
          void accepted(ApiClient.Reply reply) {
            Case c = current();
            Portal.expect(
                200,
                p.agency.post(c.path() + "/" + Portal.id(reply.json()) + "/withdraw", "{}"));
          }
        };
      case "POST work-orders/{id}/change-requests/{requestId}/counter":
        return new Scenario(
            () -> requestCase(p, p.signed("不正入力 対案", 1), "/counter", proposal()), null) {
          @Override
          void accepted(ApiClient.Reply reply) {
            Case c = current();
            String order = c.path().substring(0, c.path().indexOf("/change-requests"));
            Portal.expect(
                200,
                p.sub.post(
                    order + "/change-requests/" + Portal.id(reply.json()) + "/withdraw", "{}"));
            replace(requestCase(p, orderOf(order), "/counter", proposal()));
          }
        };
      case "POST work-orders/{id}/change-requests/{requestId}/reject":
        return new Scenario(
            () -> requestCase(p, p.signed("不正入力 却下", 1), "/reject", obj("reason", "高すぎます")),
            c -> {
              String order = c.path().substring(0, c.path().indexOf("/change-requests"));
              return requestCase(p, orderOf(order), "/reject", obj("reason", "高すぎます"));
            });
      case "POST work-orders/{id}/fulfilment/escrow/fund":
        return new Scenario(
            () ->
                new Case(
                    p.agency,
                    p.signed("不正入力 仮払", 1).path() + "/fulfilment/escrow/fund",
                    obj("reference", "振込-1")));
      case "POST work-orders/{id}/fulfilment/deliveries":
        return new Scenario(
            () -> deliverCase(p, p.funded("不正入力 納品", 1)),
            c -> {
              Order o = orderOf(c.path());
              Portal.expect(200, p.agency.post(o.path() + "/fulfilment/deliveries/reject", rejectBody(p, o)));
              return c;
            });
      case "POST work-orders/{id}/fulfilment/deliveries/reject":
        return new Scenario(
            () -> {
              Order o = p.funded("不正入力 検収", 1);
              Portal.expect(200, p.sub.post(o.path() + "/fulfilment/deliveries", deliverCase(p, o).body().toString()));
              return rejectCase(p, o);
            },
            c -> {
              Order o = orderOf(c.path());
              Portal.expect(200, p.sub.post(o.path() + "/fulfilment/deliveries", deliverCase(p, o).body().toString()));
              return rejectCase(p, o);
            });
      case "POST work-orders/{id}/fulfilment/cancel":
        return new Scenario(
            () ->
                new Case(
                    p.agency,
                    p.sent("不正入力 取消", 1).path() + "/fulfilment/cancel",
                    obj("reason", "予算がなくなりました")));
      case "POST work-orders/{id}/messages":
        {
          Order[] o = new Order[1];
          return Scenario.stateless(
              () -> {
                if (o[0] == null) {
                  o[0] = p.sent("不正入力 連絡", 1);
                }
                return new Case(p.agency, o[0].path() + "/messages", obj("body", "ご確認ください"));
              });
        }
      default:
        return generic(p, op);
    }
  }

  /**
   * An operation this class does not know yet: a funded order's ids and a body from the schema.
   * Refusals by state still count, so a new route never escapes the corpus.
   */
  private static Scenario generic(Portal p, Operation op) {
    Order[] o = new Order[1];
    return Scenario.stateless(
        () -> {
          if (o[0] == null) {
            o[0] = p.funded("不正入力 汎用", 1);
          }
          JsonObject order = p.agency.get(o[0].path()).json();
          String path =
              op.path()
                  .replace("{id}", String.valueOf(o[0].id()))
                  .replace("{lineId}", String.valueOf(Portal.id(Portal.lines(order).get(0))))
                  .replaceAll("\\{[A-Za-z]+}", "1");
          return new Case(p.agency, path, sample(op.jsonBody() == null ? null : p.openApiSchema(op)));
        });
  }

  /** A plausible body from a schema: a text, 1, an empty list or today for each property. */
  static JsonObject sample(JsonObject schema) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    JsonObject props = schema == null ? null : schema.getJsonObject("properties");
    if (props != null) {
      for (var prop : props.entrySet()) {
        String type = prop.getValue().asJsonObject().getString("type", "");
        switch (type) {
          case "string" -> body.add(prop.getKey(), "試験");
          case "number", "integer" -> body.add(prop.getKey(), 1);
          case "array" -> body.add(prop.getKey(), JsonValue.EMPTY_JSON_ARRAY);
          case "boolean" -> body.add(prop.getKey(), true);
          case "object" -> body.add(prop.getKey(), Portal.today().toString());
          default -> { }
        }
      }
    }
    return body.build();
  }

  private static Case lineCase(Portal p, ApiClient who, Order o, String action, boolean withContent) {
    JsonObject l = newestLine(who, o);
    String path = o.path() + "/lines/" + Portal.id(l) + action;
    JsonObjectBuilder body =
        withContent ? Json.createObjectBuilder(line()) : Json.createObjectBuilder();
    body.add("version", l.getJsonNumber("version").longValue());
    return new Case(who, path, body.build());
  }

  private static JsonObject newestLine(ApiClient who, Order o) {
    List<JsonObject> lines = Portal.lines(Portal.expect(200, who.get(o.path())).json());
    return lines.stream().max(java.util.Comparator.comparingLong(Portal::id)).orElseThrow();
  }

  private static Case requestCase(Portal p, Order o, String action, JsonObject body) {
    JsonObject r =
        Portal.expect(201, p.agency.post(o.path() + "/change-requests", proposal().toString())).json();
    return new Case(p.sub, o.path() + "/change-requests/" + Portal.id(r) + action, body);
  }

  private static Case deliverCase(Portal p, Order o) {
    long line = Portal.id(Portal.lines(p.sub.get(o.path()).json()).get(0));
    return new Case(
        p.sub,
        o.path() + "/fulfilment/deliveries",
        Json.createObjectBuilder().add("note", "納品します").add("lineIds", Json.createArrayBuilder().add(line)).build());
  }

  private static Case rejectCase(Portal p, Order o) {
    return new Case(
        p.agency,
        o.path() + "/fulfilment/deliveries/reject",
        Json.createReader(new StringReader(rejectBody(p, o))).readObject());
  }

  private static String rejectBody(Portal p, Order o) {
    long line = Portal.id(Portal.lines(p.agency.get(o.path()).json()).get(0));
    return "{\"reason\":\"表示が崩れています\",\"lineIds\":[" + line + "]}";
  }

  private static JsonObject terms(Portal p, Long version) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("title", "不正入力の試験")
            .add("description", "説明")
            .add("subcontractorId", p.agency.subcontractorId("田中 美咲"))
            .add("language", "ja")
            .add("currency", "JPY")
            .add("commissionedOn", Portal.today().toString())
            .add("periodStart", Portal.today().toString())
            .add("deliveryDate", Portal.today().plusDays(30).toString())
            .add("placeOfDelivery", "メール")
            .add("reviewDays", 7)
            .add("paymentDueDate", Portal.today().plusDays(50).toString())
            .add("paymentMethod", "銀行振込");
    if (version != null) {
      b.add("version", version);
    }
    return b.build();
  }

  private static JsonObject line() {
    return Json.createReader(new StringReader(Portal.line("トップページ"))).readObject();
  }

  private static JsonObject proposal() {
    return Json.createObjectBuilder()
        .add("reason", "追加のお願い")
        .add(
            "edits",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("type", "ADD_LINE")
                        .add("text", "バナー")
                        .add("deliverable", "PNG")
                        .add("acceptanceCriteria", "確認")
                        .add("quantity", 1)
                        .add("unit", "ITEM")
                        .add("unitPrice", 30000)))
        .build();
  }

  private static JsonObject obj(Object... namesAndValues) {
    return Json.createReader(new StringReader(ApiClient.object(namesAndValues))).readObject();
  }

  private static long version(ApiClient who, String orderPath) {
    return Portal.expect(200, who.get(orderPath)).json().getJsonNumber("version").longValue();
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }

  private static Order orderOf(String path) {
    String[] parts = path.split("/");
    return new Order(Long.parseLong(parts[1]), "");
  }
}
