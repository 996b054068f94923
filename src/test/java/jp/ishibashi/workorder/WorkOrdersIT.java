package jp.ishibashi.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import jp.ishibashi.ApiClient;
import jp.ishibashi.ApiClient.Reply;
import jp.ishibashi.Deployments;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.demo.DemoData;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Work orders inside Payara Micro on the configured database: the {@link WorkOrders} service
 * in-container (isolation of every use case, history and audit), and the JSON REST API as a client
 * sees it ({@code @RunAsClient}, one cookie jar per user). The REST tests sign in as the demo users
 * but every test makes its own orders, so tests are independent of each other and of whatever else
 * is in a shared database.
 */
@ExtendWith(ArquillianExtension.class)
class WorkOrdersIT {

  private static final String PASSWORD = "correct-horse-battery";
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String SAKURA = "株式会社さくらデザイン";
  private static final String AOBA = "合同会社あおばシステムズ";
  private static final String SAKURA_ADMIN = "admin@sakura.example";
  private static final String AOBA_ADMIN = "admin@aoba.example";
  private static final String YAMADA = "yamada@freelance.example";
  private static final String TANAKA = "tanaka@freelance.example";
  private static final String ITO = "ito@freelance.example";

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject WorkOrders workOrders;
  @Inject AgencySignUp signUp;
  @Inject Invitations invitations;
  @Inject AccountDirectory directory;
  @Inject AuditTrail audit;
  @Inject PortalClock clock;
  @Inject Tenancy tenancy;
  @Inject UserTransaction tx;

  @ArquillianResource URL base;

  // ---------------------------------------------------------------------------------------------
  // In-container: the service

  @Test
  void anotherAgencyOrSubcontractorGetsNotFoundFromEveryUseCase() {
    Actor agencyA = newAgency("株式会社隔離エー");
    Actor agencyB = newAgency("株式会社隔離ビー");
    UserAccount party = join(agencyA, "当事者 一郎");
    UserAccount bystander = join(agencyA, "無関係 次郎");
    UserAccount outsider = join(agencyB, "他社 三郎");
    Actor partyActor = subcontractor(party, agencyA);

    WorkOrder draft = workOrders.create(agencyA, serviceTerms(party.getId()));
    long draftLine =
        workOrders.addLine(agencyA, draft.getId(), serviceLine("下書きの明細", "1000")).getId();
    assertEveryUseCaseNotFound(partyActor, draft.getId(), draftLine);

    WorkOrder order = workOrders.create(agencyA, serviceTerms(party.getId()));
    long lineId =
        workOrders.addLine(agencyA, order.getId(), serviceLine("送付済みの明細", "5000")).getId();
    workOrders.send(
        agencyA, order.getId(), workOrders.view(agencyA, order.getId()).order().getVersion());
    WorkOrderView before = workOrders.view(agencyA, order.getId());
    int events = events(agencyA, order.getId()).size();

    for (Actor foreign :
        List.of(agencyB, subcontractor(bystander, agencyA), subcontractor(outsider, agencyB))) {
      assertEveryUseCaseNotFound(foreign, order.getId(), lineId);
      assertTrue(
          workOrders.search(foreign, WorkOrderSearch.newestFirst(), 0, 100).stream()
              .noneMatch(o -> o.getId().equals(order.getId())));
    }
    assertEquals(0, workOrders.count(agencyB, WorkOrderSearch.newestFirst()));
    assertEquals(1, workOrders.count(partyActor, WorkOrderSearch.newestFirst()), "sent, not draft");
    assertEquals(
        List.of(order.getId()),
        workOrders.search(partyActor, WorkOrderSearch.newestFirst(), 0, 10).stream()
            .map(WorkOrder::getId)
            .toList());

    WorkOrderView after = workOrders.view(agencyA, order.getId());
    assertEquals(before.order().getVersion(), after.order().getVersion());
    assertEquals(WorkOrderStatus.NEGOTIATING, after.order().getStatus());
    assertEquals(1, after.order().getLines().size());
    assertEquals(
        before.order().getLines().get(0).getVersion(),
        after.order().getLines().get(0).getVersion());
    assertEquals(events, events(agencyA, order.getId()).size());
  }

  @Test
  void everyStepIsRecordedInTheLineHistoryAndTheAuditTrail() {
    Actor agency = newAgency("株式会社記録");
    UserAccount sub = join(agency, "記録 花子");
    Actor subActor = subcontractor(sub, agency);
    WorkOrder order = workOrders.create(agency, serviceTerms(sub.getId()));
    long id = order.getId();
    long lineId = workOrders.addLine(agency, id, serviceLine("ロゴ制作", "50000")).getId();
    workOrders.send(agency, id, workOrders.view(agency, id).order().getVersion());
    workOrders.editLine(
        subActor, id, lineId, lineVersion(agency, id), serviceLine("ロゴ制作", "60000"));
    workOrders.acceptLine(agency, id, lineId, lineVersion(agency, id));
    WorkOrder agreed =
        workOrders.acceptTerms(subActor, id, workOrders.view(subActor, id).order().getVersion());
    ScopeLine line = workOrders.view(agency, id).order().getLines().get(0);

    assertEquals(WorkOrderStatus.AGREED, agreed.getStatus());
    List<LineRevision> history = workOrders.view(agency, id).historyOf(line);
    assertEquals(
        List.of(ScopeLine.Action.PROPOSED, ScopeLine.Action.COUNTERED, ScopeLine.Action.ACCEPTED),
        history.stream().map(LineRevision::getAction).toList());
    assertEquals(
        List.of("管理 太郎", "記録 花子", "管理 太郎"),
        history.stream().map(LineRevision::getActorName).toList());
    assertEquals(
        List.of(50_000L, 60_000L, 60_000L),
        history.stream().map(r -> r.getContent().getUnitPriceMinor()).toList());
    assertEquals(
        List.of(
            "WORK_ORDER_CREATED",
            "LINE_PROPOSED",
            "WORK_ORDER_SENT",
            "LINE_COUNTERED",
            "LINE_ACCEPTED",
            "TERMS_ACCEPTED",
            "AGREEMENT_FROZEN"),
        events(agency, id).stream().map(AuditEvent::getAction).toList());
  }

  @Test
  void aDraftLineIsDeletedTogetherWithItsHistory() {
    Actor agency = newAgency("株式会社下書き");
    UserAccount sub = join(agency, "下書き 受注");
    long id = workOrders.create(agency, serviceTerms(sub.getId())).getId();
    long kept = workOrders.addLine(agency, id, serviceLine("残る明細", "1000")).getId();
    long deleted = workOrders.addLine(agency, id, serviceLine("消える明細", "2000")).getId();

    workOrders.removeLine(agency, id, deleted, lineVersion(agency, id, deleted));

    WorkOrderView view = workOrders.view(agency, id);
    assertEquals(List.of(kept), view.order().getLines().stream().map(ScopeLine::getId).toList());
    assertEquals(List.of(kept), List.copyOf(view.history().keySet()));
    List<AuditEvent> events = events(agency, id);
    assertEquals("LINE_DELETED", events.get(events.size() - 1).getAction());
  }

  /**
   * Two sides answering the last open items of an order at the same moment must still agree it.
   * Each change therefore holds the order locked until it commits, so the other change waits and
   * then decides on the committed state. Shown here without timing: while the subcontractor's
   * accept is still uncommitted, another transaction cannot lock the order.
   */
  @Test
  void aChangeKeepsTheOrderLockedUntilItCommits() throws Exception {
    Actor agency = newAgency("株式会社同時");
    UserAccount sub = join(agency, "同時 回答");
    Actor subActor = subcontractor(sub, agency);
    long id = workOrders.create(agency, serviceTerms(sub.getId())).getId();
    long first = workOrders.addLine(agency, id, serviceLine("一つ目", "1000")).getId();
    long second = workOrders.addLine(agency, id, serviceLine("二つ目", "2000")).getId();
    workOrders.send(agency, id, workOrders.view(agency, id).order().getVersion());
    workOrders.acceptTerms(subActor, id, workOrders.view(subActor, id).order().getVersion());
    TransactionManager transactions = InitialContext.doLookup("java:appserver/TransactionManager");

    tx.begin();
    try {
      workOrders.acceptLine(subActor, id, first, lineVersion(agency, id, first));
      Transaction uncommitted = transactions.suspend();
      try {
        tx.begin();
        try {
          assertThrows(
              PersistenceException.class,
              () ->
                  tenancy
                      .em(agency)
                      .find(
                          WorkOrder.class,
                          id,
                          LockModeType.PESSIMISTIC_WRITE,
                          Map.of("jakarta.persistence.lock.timeout", 0)));
        } finally {
          tx.rollback();
        }
      } finally {
        transactions.resume(uncommitted);
      }
    } finally {
      tx.commit();
    }

    assertEquals(WorkOrderStatus.NEGOTIATING, workOrders.view(agency, id).order().getStatus());
    workOrders.acceptLine(subActor, id, second, lineVersion(agency, id, second));
    assertEquals(WorkOrderStatus.AGREED, workOrders.view(agency, id).order().getStatus());
  }

  // ---------------------------------------------------------------------------------------------
  // REST, as a client

  @Test
  @RunAsClient
  void theWholeNegotiationRunsOverRest() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    Reply created = sakura.post("work-orders", terms(yamadaId, "title", "コーポレートサイト改修"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/json");
    JsonObject order = created.json();
    long id = id(order);
    assertThat(created.header("Location")).endsWith("/api/work-orders/" + id);
    assertThat(order.getString("status")).isEqualTo("DRAFT");
    assertThat(order.getString("you")).isEqualTo("AGENCY");
    assertThat(order.getJsonObject("terms").getString("subcontractorName")).isEqualTo("山田 太郎");

    Reply added = sakura.post(path(id) + "/lines", line("トップページのデザイン", "1", "150000"));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    long top = lineIdFrom(added);
    assertThat(added.header("Location")).endsWith(path(id) + "/lines/" + top);
    long about = lineIdFrom(sakura.post(path(id) + "/lines", line("会社概要ページ", "2", "80000")));
    long contact = lineIdFrom(sakura.post(path(id) + "/lines", line("お問い合わせフォーム", "1", "120000")));

    ApiClient yamada = inAgency(signedIn(YAMADA), SAKURA);
    problem(yamada.get(path(id)), 404, "error.notFound");

    order = ok(sakura.get(path(id)));
    assertThat(order.getJsonArray("missingTerms")).isEmpty();
    assertThat(texts(order)).containsExactly("トップページのデザイン", "会社概要ページ", "お問い合わせフォーム");
    order = ok(sakura.post(path(id) + "/send", versionBody(order)));
    assertThat(order.getString("status")).isEqualTo("NEGOTIATING");

    JsonObject seen = ok(yamada.get(path(id)));
    assertThat(seen.getString("you")).isEqualTo("SUBCONTRACTOR");
    assertThat(seen.getBoolean("awaitingYou")).isTrue();
    assertThat(texts(seen)).containsExactly("トップページのデザイン", "会社概要ページ", "お問い合わせフォーム");

    JsonObject countered =
        ok(
            yamada.put(
                linePath(id, about),
                line("会社概要ページ", "2", "95000", "version", versionOf(line(seen, about)))));
    assertThat(line(countered, about).getString("state")).isEqualTo("PROPOSED");
    assertThat(line(countered, about).getString("proposedBy")).isEqualTo("SUBCONTRACTOR");
    assertThat(line(countered, about).getString("amount")).isEqualTo("190000");
    assertThat(countered.getBoolean("awaitingYou")).isTrue();

    JsonObject accepted =
        ok(sakura.post(linePath(id, about) + "/accept", versionBody(line(countered, about))));
    assertThat(line(accepted, about).getString("state")).isEqualTo("ACCEPTED");
    assertThat(accepted.getBoolean("awaitingYou")).isFalse();

    for (long lineId : List.of(top, contact)) {
      seen = ok(yamada.post(linePath(id, lineId) + "/accept", versionBody(line(seen, lineId))));
    }
    assertThat(seen.getString("status")).isEqualTo("NEGOTIATING");
    JsonObject agreed = ok(yamada.post(path(id) + "/terms/accept", versionBody(seen)));

    assertThat(agreed.getString("status")).isEqualTo("AGREED");
    assertThat(agreed.getString("termsState")).isEqualTo("ACCEPTED");
    assertThat(agreed.getString("agreedAt")).endsWith("Z");
    assertThat(agreed.getBoolean("awaitingYou")).isFalse();
    JsonObject totals = agreed.getJsonObject("totals");
    assertThat(totals.getString("currency")).isEqualTo("JPY");
    assertThat(totals.getString("subtotal")).isEqualTo("460000");
    assertThat(totals.getString("tax")).isEqualTo("46000");
    assertThat(totals.getString("total")).isEqualTo("506000");
    assertThat(ok(sakura.get(path(id))).getString("status")).isEqualTo("AGREED");

    JsonObject history = ok(sakura.get(path(id) + "/history"));
    JsonArray revisions = lineHistory(history, about).getJsonArray("revisions");
    assertThat(strings(revisions, "action")).containsExactly("PROPOSED", "COUNTERED", "ACCEPTED");
    assertThat(strings(revisions, "party")).containsExactly("AGENCY", "SUBCONTRACTOR", "AGENCY");
    assertThat(strings(revisions, "actorName")).containsExactly("佐藤 花子", "山田 太郎", "佐藤 花子");
    assertThat(strings(revisions, "unitPrice")).containsExactly("80000", "95000", "95000");
    assertThat(strings(revisions, "at")).allSatisfy(at -> assertThat(at).endsWith("Z"));
    assertThat(ok(yamada.get(path(id) + "/history"))).isEqualTo(history);
  }

  @Test
  @RunAsClient
  void sendingIsRefusedWithTheMissingTermsListed() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    JsonObject order =
        ok(
            sakura.post(
                "work-orders", ApiClient.object("title", "条件不足", "subcontractorId", yamadaId)));
    long id = id(order);

    JsonObject ja =
        problem(
            sakura.post(path(id) + "/send", versionBody(order)),
            400,
            "error.workOrder.missingTerms");
    List<String> keys =
        List.of(
            "terms.commissionedOn",
            "terms.lines",
            "terms.deliveryDate",
            "terms.placeOfDelivery",
            "terms.paymentDueDate",
            "terms.paymentMethod");
    assertThat(strings(ja.getJsonArray("missingKeys"))).containsExactlyElementsOf(keys);
    assertThat(strings(ja.getJsonArray("missing")))
        .containsExactly("業務委託日", "作業項目（1件以上）", "納期", "納品場所", "支払期日", "支払方法");
    assertThat(ja.getString("detail")).contains("不足しています").contains("納期、納品場所");
    assertThat(strings(order.getJsonArray("missingTerms"), "key")).containsExactlyElementsOf(keys);

    JsonObject en =
        problem(
            sakura.language("en").post(path(id) + "/send", versionBody(order)),
            400,
            "error.workOrder.missingTerms");
    assertThat(strings(en.getJsonArray("missing")))
        .contains("the delivery date", "the payment method");

    JsonObject unchanged = ok(sakura.get(path(id)));
    assertThat(unchanged.getString("status")).isEqualTo("DRAFT");
    assertThat(unchanged.getJsonNumber("version")).isEqualTo(order.getJsonNumber("version"));
  }

  @Test
  @RunAsClient
  void numbersBeyondTheirBoundsAreRefusedAtTheFieldAndNothingIsSaved() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    JsonObject order = ok(sakura.post("work-orders", terms(subcontractorId(sakura, "山田 太郎"))));
    long id = id(order);
    String lines = path(id) + "/lines";

    // The reproductions: each answered 500, and 1e300000000 burnt minutes of CPU.
    for (String huge : List.of("1e308", "1e999999", "1180591620717411303424", "1e300000000")) {
      JsonObject refused =
          problem(sakura.post(lines, rawLine("1", huge)), 400, "error.amount.tooLarge");
      assertThat(refused.getString("field")).as(huge).isEqualTo("unitPrice");
      assertThat(refused.getString("detail")).contains("100,000,000,000");
      problem(sakura.post(lines, rawLine("1", "\"" + huge + "\"")), 400, "error.amount.tooLarge");
    }
    assertThat(
            problem(sakura.post(lines, rawLine("1e300000000", "1000")), 400,
                    "error.line.quantity.format")
                .getString("field"))
        .isEqualTo("quantity");
    assertThat(
            problem(sakura.post(lines, rawLine("1", "-1000")), 400, "error.line.price.negative")
                .getString("field"))
        .isEqualTo("unitPrice");
    assertThat(
            problem(sakura.post(lines, rawLine("1", "100.5")), 400, "error.money.tooManyDecimals")
                .getString("field"))
        .isEqualTo("unitPrice");
    assertThat(
            problem(sakura.post(lines, rawLine("1.00001", "1000")), 400,
                    "error.line.quantity.format")
                .getString("field"))
        .isEqualTo("quantity");
    assertThat(
            problem(sakura.post(lines, rawLine("true", "1000")), 400, "error.api.malformed")
                .getString("field"))
        .isEqualTo("quantity");
    JsonObject english =
        problem(
            sakura.language("en").post(lines, rawLine("1", "1e300000000")),
            400,
            "error.amount.tooLarge");
    assertThat(english.getString("detail")).isEqualTo("Amounts may be at most 100,000,000,000.");

    JsonObject after = ok(sakura.get(path(id)));
    assertThat(after.getJsonArray("lines")).isEmpty();
    assertThat(versionOf(after)).isEqualTo(versionOf(order));

    // Four decimals of quantity are kept as typed.
    ok(sakura.language("ja").post(lines, rawLine("1.3333", "3000")));
    JsonObject saved = ok(sakura.get(path(id))).getJsonArray("lines").getJsonObject(0);
    assertThat(saved.getString("quantity")).isEqualTo("1.3333");
  }

  /** A line whose quantity and unit price are written into the JSON as they are. */
  private static String rawLine(String quantity, String unitPrice) {
    return "{\"text\":\"上限確認\",\"quantity\":" + quantity + ",\"unit\":\"HOUR\",\"unitPrice\":"
        + unitPrice + "}";
  }

  @Test
  @RunAsClient
  void thePaymentDueDateMustBeWithinSixtyDaysOfDelivery() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    LocalDate delivery = today().plusDays(10);

    JsonObject late =
        problem(
            sakura.post(
                "work-orders",
                terms(yamadaId, "deliveryDate", delivery, "paymentDueDate", delivery.plusDays(61))),
            400,
            "error.workOrder.paymentTooLate");
    assertThat(late.getString("field")).isEqualTo("paymentDueDate");
    assertThat(late.getString("detail")).contains("60");

    JsonObject order =
        ok(
            sakura.post(
                "work-orders",
                terms(
                    yamadaId, "deliveryDate", delivery, "paymentDueDate", delivery.plusDays(60))));
    long id = id(order);
    problem(
        sakura.put(
            path(id) + "/terms",
            terms(
                yamadaId,
                "deliveryDate",
                delivery,
                "paymentDueDate",
                delivery.plusDays(61),
                "version",
                versionOf(order))),
        400,
        "error.workOrder.paymentTooLate");
    problem(
        sakura.put(
            path(id) + "/terms",
            terms(
                yamadaId,
                "deliveryDate",
                delivery,
                "paymentDueDate",
                delivery.minusDays(1),
                "version",
                versionOf(order))),
        400,
        "error.workOrder.paymentBeforeDelivery");

    assertThat(ok(sakura.get(path(id)))).isEqualTo(order);
  }

  @Test
  @RunAsClient
  void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    JsonObject order = ok(sakura.post("work-orders", terms(yamadaId)));
    long id = id(order);
    long lineId = lineIdFrom(sakura.post(path(id) + "/lines", line("正しい明細", "1", "1000")));
    JsonObject before = ok(sakura.get(path(id)));
    JsonObject historyBefore = ok(sakura.get(path(id) + "/history"));
    long lineVersion = versionOf(line(before, lineId));

    Map<String, String[]> lines = new LinkedHashMap<>();
    lines.put(
        "zero quantity",
        new String[] {line("明細", "0", "1000"), "quantity", "error.line.quantity.positive"});
    lines.put(
        "negative quantity",
        new String[] {line("明細", "-1", "1000"), "quantity", "error.line.quantity.positive"});
    lines.put(
        "decimals for JPY",
        new String[] {line("明細", "1", "1000.5"), "unitPrice", "error.money.tooManyDecimals"});
    lines.put(
        "10,000 characters",
        new String[] {line("あ".repeat(10_000), "1", "1000"), "text", "error.text.tooLong"});
    lines.put(
        "blank text", new String[] {line("   ", "1", "1000"), "text", "error.field.required"});
    lines.put(
        "no quantity",
        new String[] {
          ApiClient.object("text", "明細", "unit", "PAGE", "unitPrice", "1"),
          "quantity",
          "error.line.quantity.required"
        });
    lines.put(
        "quantity not a number",
        new String[] {line("明細", "many", "1000"), "quantity", "error.api.malformed"});
    for (Map.Entry<String, String[]> bad : lines.entrySet()) {
      String body = bad.getValue()[0];
      String field = bad.getValue()[1];
      String key = bad.getValue()[2];
      JsonObject added = problem(sakura.post(path(id) + "/lines", body), 400, key);
      assertThat(added.getString("field")).as(bad.getKey()).isEqualTo(field);
      String edit = body.replaceFirst("\\}$", ",\"version\":" + lineVersion + "}");
      JsonObject edited = problem(sakura.put(linePath(id, lineId), edit), 400, key);
      assertThat(edited.getString("field")).as(bad.getKey()).isEqualTo(field);
    }
    problem(
        sakura.post(path(id) + "/lines", line("明細", "1", "1000", "unit", "BUCKET")),
        400,
        "error.api.malformed");
    problem(sakura.post(path(id) + "/lines", "{\"text\": \"閉じていない"), 400, "error.api.malformed");
    problem(sakura.post(path(id) + "/lines", "[]"), 400, "error.api.malformed");
    problem(sakura.post(path(id) + "/lines", ""), 400, "error.api.bodyRequired");
    problem(sakura.put(linePath(id, lineId), line("明細", "1", "1000")), 400, "error.field.required");

    long v = versionOf(before);
    Map<String, Object[]> terms = new LinkedHashMap<>();
    terms.put(
        "unknown currency",
        new Object[] {
          terms(yamadaId, "currency", "ABC", "version", v), "currency", "error.currency.unknown"
        });
    terms.put(
        "past delivery",
        new Object[] {
          terms(yamadaId, "deliveryDate", today().minusDays(1), "version", v),
          "deliveryDate",
          "error.workOrder.deliveryInPast"
        });
    terms.put(
        "empty title",
        new Object[] {terms(yamadaId, "title", "", "version", v), "title", "error.field.required"});
    terms.put(
        "long title",
        new Object[] {
          terms(yamadaId, "title", "題".repeat(201), "version", v), "title", "error.text.tooLong"
        });
    terms.put(
        "review days",
        new Object[] {
          terms(yamadaId, "reviewDays", 0, "version", v), "reviewDays", "error.workOrder.reviewDays"
        });
    terms.put(
        "language",
        new Object[] {
          terms(yamadaId, "language", "fr", "version", v), "language", "error.workOrder.language"
        });
    terms.put(
        "impossible date",
        new Object[] {
          terms(yamadaId, "deliveryDate", "2026-02-30", "version", v),
          "deliveryDate",
          "error.api.malformed"
        });
    terms.put("no version", new Object[] {terms(yamadaId), "version", "error.field.required"});
    for (Map.Entry<String, Object[]> bad : terms.entrySet()) {
      JsonObject refused =
          problem(
              sakura.put(path(id) + "/terms", (String) bad.getValue()[0]),
              400,
              (String) bad.getValue()[2]);
      assertThat(refused.getString("field")).as(bad.getKey()).isEqualTo(bad.getValue()[1]);
    }
    JsonObject notCreated =
        problem(
            sakura.post("work-orders", terms(yamadaId, "currency", "YEN")),
            400,
            "error.currency.unknown");
    assertThat(notCreated.getString("field")).isEqualTo("currency");
    assertThat(notCreated.getString("detail")).contains("YEN");

    assertThat(ok(sakura.get(path(id)))).isEqualTo(before);
    assertThat(ok(sakura.get(path(id) + "/history"))).isEqualTo(historyBefore);
  }

  @Test
  @RunAsClient
  void htmlAndScriptTextIsStoredAndReturnedVerbatimAsData() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    String title = "<img src=x onerror=alert(1)> 見積 & \"引用\"";
    String text = "<script>alert('石橋')</script><b>太字</b> </textarea>\\u0000";
    JsonObject order = ok(sakura.post("work-orders", terms(yamadaId, "title", title)));
    long id = id(order);
    Reply added =
        sakura.post(
            path(id) + "/lines",
            ApiClient.object(
                "text", text,
                "deliverable", "<a href=\"javascript:alert(1)\">納品物</a>",
                "acceptanceCriteria", "${7*7} {{7*7}} ' OR 1=1 --",
                "quantity", "1",
                "unit", "ITEM",
                "unitPrice", "1000"));
    long lineId = lineIdFrom(added);

    Reply reply = sakura.get(path(id));
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    JsonObject stored = reply.json();
    assertThat(stored.getJsonObject("terms").getString("title")).isEqualTo(title);
    JsonObject line = line(stored, lineId);
    assertThat(line.getString("text")).isEqualTo(text);
    assertThat(line.getString("deliverable")).isEqualTo("<a href=\"javascript:alert(1)\">納品物</a>");
    assertThat(line.getString("acceptanceCriteria")).isEqualTo("${7*7} {{7*7}} ' OR 1=1 --");
    assertThat(
            lineHistory(ok(sakura.get(path(id) + "/history")), lineId)
                .getJsonArray("revisions")
                .getJsonObject(0)
                .getString("text"))
        .isEqualTo(text);
  }

  @Test
  @RunAsClient
  void othersGetNotFoundForEveryActionAndIdAndTheOrderStaysAsItWas() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    JsonObject draft = ok(sakura.post("work-orders", terms(yamadaId, "title", "下書き")));
    long draftLine =
        lineIdFrom(sakura.post(path(id(draft)) + "/lines", line("下書き明細", "1", "1000")));
    draft = ok(sakura.get(path(id(draft))));

    JsonObject order = ok(sakura.post("work-orders", terms(yamadaId, "title", "他人には見えない")));
    long id = id(order);
    long first = lineIdFrom(sakura.post(path(id) + "/lines", line("一行目", "1", "10000")));
    long second = lineIdFrom(sakura.post(path(id) + "/lines", line("二行目", "1", "20000")));
    order = ok(sakura.post(path(id) + "/send", versionBody(ok(sakura.get(path(id))))));
    ApiClient yamada = inAgency(signedIn(YAMADA), SAKURA);
    ok(
        yamada.put(
            linePath(id, first),
            line("一行目", "1", "12000", "version", versionOf(line(order, first)))));
    order = ok(sakura.delete(linePath(id, second) + "?version=" + versionOf(line(order, second))));
    assertThat(line(order, second).getString("state")).isEqualTo("REMOVAL_PROPOSED");
    JsonObject before = ok(sakura.get(path(id)));
    JsonObject historyBefore = ok(sakura.get(path(id) + "/history"));
    JsonObject notFound = problem(sakura.get(path(999_999_999_999L)), 404, "error.notFound");

    Map<String, ApiClient> others = new LinkedHashMap<>();
    others.put("another agency's admin", signedIn(AOBA_ADMIN));
    others.put("a subcontractor of the agency, not the order's", signedIn(TANAKA));
    others.put("another agency's subcontractor", signedIn(ITO));
    others.put(
        "the order's subcontractor acting for another agency", inAgency(signedIn(YAMADA), AOBA));
    for (Map.Entry<String, ApiClient> other : others.entrySet()) {
      for (Reply reply : everyAction(other.getValue(), before, yamadaId, first, second)) {
        JsonObject p = problem(reply, 404, "error.notFound");
        assertThat(p).as(other.getKey()).isEqualTo(notFound);
      }
      assertThat(ids(ok(other.getValue().get("work-orders?size=100")))).doesNotContain(id);
    }
    for (Reply reply : everyAction(yamada, draft, yamadaId, draftLine, draftLine)) {
      assertThat(problem(reply, 404, "error.notFound"))
          .as("a draft, to its subcontractor")
          .isEqualTo(notFound);
    }
    assertThat(ids(ok(yamada.get("work-orders?size=100")))).contains(id).doesNotContain(id(draft));

    problem(sakura.get(linePath(id, draftLine)), 404, "error.notFound");
    problem(
        sakura.post(linePath(id, draftLine) + "/accept", ApiClient.object("version", 0L)),
        404,
        "error.notFound");
    problem(sakura.get(path(id) + "/lines/not-a-number"), 404, "error.notFound");
    problem(sakura.get("work-orders/99999999999999999999999"), 404, "error.notFound");

    assertThat(ok(sakura.get(path(id)))).isEqualTo(before);
    assertThat(ok(sakura.get(path(id) + "/history"))).isEqualTo(historyBefore);
    assertThat(ok(sakura.get(path(id(draft))))).isEqualTo(draft);
  }

  @Test
  @RunAsClient
  void twoEditsWithTheSameVersionConflictAndADoubleSubmitHasOneEffect() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    JsonObject order = ok(sakura.post("work-orders", terms(yamadaId, "title", "競合")));
    long id = id(order);
    long lineId = lineIdFrom(sakura.post(path(id) + "/lines", line("競合する明細", "1", "30000")));
    order = ok(sakura.post(path(id) + "/send", versionBody(ok(sakura.get(path(id))))));
    ApiClient yamada = inAgency(signedIn(YAMADA), SAKURA);
    long seen = versionOf(line(order, lineId));

    JsonObject edited =
        ok(sakura.put(linePath(id, lineId), line("競合する明細", "1", "35000", "version", seen)));
    JsonObject conflict =
        problem(
            yamada.put(linePath(id, lineId), line("競合する明細", "1", "40000", "version", seen)),
            409,
            "error.conflict");
    JsonObject current = conflict.getJsonObject("current");
    assertThat(line(current, lineId).getString("unitPrice")).isEqualTo("35000");
    assertThat(line(current, lineId).getString("proposedBy")).isEqualTo("AGENCY");
    assertThat(current.getString("you")).isEqualTo("SUBCONTRACTOR");
    assertThat(line(ok(sakura.get(path(id))), lineId)).isEqualTo(line(edited, lineId));

    String accept = versionBody(line(current, lineId));
    JsonObject accepted = ok(yamada.post(linePath(id, lineId) + "/accept", accept));
    JsonObject again =
        problem(yamada.post(linePath(id, lineId) + "/accept", accept), 409, "error.conflict");
    assertThat(line(again.getJsonObject("current"), lineId)).isEqualTo(line(accepted, lineId));
    JsonArray revisions =
        lineHistory(ok(sakura.get(path(id) + "/history")), lineId).getJsonArray("revisions");
    assertThat(strings(revisions, "action")).containsExactly("PROPOSED", "EDITED", "ACCEPTED");

    JsonObject latest = ok(sakura.get(path(id)));
    String termsSeen = terms(yamadaId, "title", "競合 改", "version", versionOf(latest));
    JsonObject revised = ok(sakura.put(path(id) + "/terms", termsSeen));
    JsonObject stale =
        problem(
            sakura.put(
                path(id) + "/terms",
                terms(yamadaId, "title", "競合 別案", "version", versionOf(latest))),
            409,
            "error.conflict");
    assertThat(stale.getJsonObject("current").getJsonObject("terms").getString("title"))
        .isEqualTo("競合 改");
    assertThat(ok(sakura.get(path(id)))).isEqualTo(revised);
  }

  @Test
  @RunAsClient
  void linesAreDeletedInADraftAndRemovedOrKeptByAgreementOnceSent() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long tanakaId = subcontractorId(sakura, "田中 美咲");
    JsonObject order = ok(sakura.post("work-orders", terms(tanakaId, "title", "削除と維持")));
    long id = id(order);
    long kept = lineIdFrom(sakura.post(path(id) + "/lines", line("残す明細", "1", "10000")));
    long dropped = lineIdFrom(sakura.post(path(id) + "/lines", line("消す明細", "1", "20000")));
    long scrapped = lineIdFrom(sakura.post(path(id) + "/lines", line("下書きで削除", "1", "30000")));
    order =
        ok(
            sakura.delete(
                linePath(id, scrapped)
                    + "?version="
                    + versionOf(line(ok(sakura.get(path(id))), scrapped))));
    assertThat(texts(order)).containsExactly("残す明細", "消す明細");
    problem(sakura.delete(linePath(id, kept)), 400, "error.field.required");

    order = ok(sakura.post(path(id) + "/send", versionBody(order)));
    ApiClient tanaka = signedIn(TANAKA);
    order = ok(tanaka.delete(linePath(id, kept) + "?version=" + versionOf(line(order, kept))));
    assertThat(line(order, kept).getString("state")).isEqualTo("REMOVAL_PROPOSED");
    order =
        ok(
            sakura.post(
                linePath(id, kept) + "/keep", versionBody(line(ok(sakura.get(path(id))), kept))));
    assertThat(line(order, kept).getString("state")).isEqualTo("PROPOSED");
    assertThat(line(order, kept).getString("proposedBy")).isEqualTo("AGENCY");

    order =
        ok(tanaka.delete(linePath(id, dropped) + "?version=" + versionOf(line(order, dropped))));
    order = ok(sakura.post(linePath(id, dropped) + "/accept", versionBody(line(order, dropped))));
    assertThat(line(order, dropped).getString("state")).isEqualTo("REMOVED");
    assertThat(order.getJsonObject("totals").getString("subtotal")).isEqualTo("10000");
    problem(
        tanaka.post(linePath(id, dropped) + "/keep", versionBody(line(order, dropped))),
        400,
        "error.line.noRemovalProposed");
  }

  @Test
  @RunAsClient
  void withoutASessionEveryCallIsUnauthorizedAndSignInIsThrottled() {
    ApiClient anonymous = new ApiClient(base);
    for (Reply reply :
        List.of(
            anonymous.get("work-orders"),
            anonymous.get("work-orders/1"),
            anonymous.get("work-orders/1/history"),
            anonymous.post("work-orders", ApiClient.object("title", "無断")),
            anonymous.post("work-orders/1/send", ApiClient.object("version", 1L)),
            anonymous.get("subcontractors"),
            anonymous.get("session"),
            anonymous.delete("session"))) {
      problem(reply, 401, "error.api.signInRequired");
    }

    String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
    problem(
        anonymous.post(
            "session", ApiClient.object("email", unknown, "password", "wrong-password!")),
        401,
        "error.signIn.rejected");
    for (int i = 0; i < 4; i++) {
      anonymous.post("session", ApiClient.object("email", unknown, "password", "wrong-password!"));
    }
    Reply locked =
        anonymous
            .language("en")
            .post("session", ApiClient.object("email", unknown, "password", "wrong-password!"));
    JsonObject p = problem(locked, 429, "error.signIn.locked");
    assertThat(p.getString("unlockAt")).endsWith("Z");
    assertThat(p.getString("detail")).contains("locked");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15L * 60);
    problem(
        anonymous.post(
            "session", ApiClient.object("email", SAKURA_ADMIN, "password", "wrong-password!")),
        401,
        "error.signIn.rejected");
    problem(anonymous.get("work-orders"), 401, "error.api.signInRequired");

    ApiClient user = new ApiClient(base);
    user.getFromRoot("login.xhtml");
    String before = user.cookie("JSESSIONID");
    user.signIn(SAKURA_ADMIN, DemoData.PASSWORD);
    assertThat(user.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
    JsonObject session = ok(user.get("session"));
    assertThat(session.getString("email")).isEqualTo(SAKURA_ADMIN);
    assertThat(session.getJsonObject("agency").getString("name")).isEqualTo(SAKURA);
    assertThat(user.get("work-orders").status()).isEqualTo(200);
    assertThat(user.delete("session").status()).isEqualTo(204);
    problem(user.get("work-orders"), 401, "error.api.signInRequired");
  }

  @Test
  @RunAsClient
  void changesMustBeSentAsJson() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long yamadaId = subcontractorId(sakura, "山田 太郎");
    String marker = "フォーム送信 " + UUID.randomUUID();
    JsonObject order = ok(sakura.post("work-orders", terms(yamadaId)));
    long id = id(order);

    problem(
        sakura.send("POST", "work-orders", "application/x-www-form-urlencoded", "title=" + marker),
        415,
        "error.api.mediaType");
    problem(
        sakura.send("POST", "work-orders", "text/plain", terms(yamadaId, "title", marker)),
        415,
        "error.api.mediaType");
    problem(
        sakura.send("POST", "work-orders", "multipart/form-data; boundary=x", "--x--"),
        415,
        "error.api.mediaType");
    problem(
        sakura.send("POST", "work-orders", null, terms(yamadaId, "title", marker)),
        415,
        "error.api.mediaType");
    problem(
        sakura.send(
            "PUT",
            path(id) + "/terms",
            "text/plain",
            terms(yamadaId, "title", marker, "version", versionOf(order))),
        415,
        "error.api.mediaType");
    problem(sakura.send("DELETE", "session", null, null), 415, "error.api.mediaType");
    problem(
        new ApiClient(base)
            .send(
                "POST",
                "session",
                "application/x-www-form-urlencoded",
                "email=" + SAKURA_ADMIN + "&password=" + DemoData.PASSWORD),
        415,
        "error.api.mediaType");

    JsonObject newest = ok(sakura.get("work-orders?size=100"));
    assertThat(newest.getJsonArray("items").getValuesAs(JsonObject.class))
        .noneMatch(o -> o.getString("title").equals(marker));
    assertThat(ok(sakura.get(path(id)))).isEqualTo(order);
    assertThat(
            sakura
                .send(
                    "POST",
                    path(id) + "/send",
                    "application/json; charset=UTF-8",
                    versionBody(order))
                .status())
        .isEqualTo(400);
  }

  @Test
  @RunAsClient
  void problemsSpeakTheRequestedLanguageJapaneseByDefault() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    assertThat(
            problem(sakura.get(path(999_999_999_998L)), 404, "error.notFound").getString("detail"))
        .isEqualTo("見つかりません。");
    assertThat(
            problem(
                    sakura.language("en-US,en;q=0.9").get(path(999_999_999_998L)),
                    404,
                    "error.notFound")
                .getString("detail"))
        .isEqualTo("Not found.");
    assertThat(
            problem(sakura.language("fr").get(path(999_999_999_998L)), 404, "error.notFound")
                .getString("detail"))
        .isEqualTo("見つかりません。");
    assertThat(
            problem(sakura.language("en").get("work-orders?size=101"), 400, "error.api.pageSize")
                .getString("detail"))
        .isEqualTo("The page size must be between 1 and 100.");
  }

  @Test
  @RunAsClient
  void theListFiltersSortsAndPagesWhatEachSideMaySee() {
    ApiClient sakura = signedIn(SAKURA_ADMIN);
    long tanakaId = subcontractorId(sakura, "田中 美咲");
    long draft = id(ok(sakura.post("work-orders", terms(tanakaId, "title", "一覧 下書き"))));
    long sent = id(ok(sakura.post("work-orders", terms(tanakaId, "title", "一覧 送付"))));
    lineIdFrom(sakura.post(path(sent) + "/lines", line("一覧の明細", "1", "1000")));
    ok(sakura.post(path(sent) + "/send", versionBody(ok(sakura.get(path(sent))))));

    JsonObject drafts =
        ok(sakura.get("work-orders?status=DRAFT&size=100&sort=createdAt&asc=false"));
    assertThat(ids(drafts)).contains(draft).doesNotContain(sent);
    assertThat(strings(drafts.getJsonArray("items"), "status")).containsOnly("DRAFT");
    JsonObject tanakas =
        ok(sakura.get("work-orders?subcontractorId=" + tanakaId + "&status=NEGOTIATING&size=100"));
    assertThat(ids(tanakas)).contains(sent).doesNotContain(draft);
    assertThat(tanakas.getJsonArray("items").getValuesAs(JsonObject.class))
        .allSatisfy(
            o -> assertThat(o.getJsonNumber("subcontractorId").longValue()).isEqualTo(tanakaId));
    JsonObject paged = ok(sakura.get("work-orders?page=1&size=1&sort=number&asc=true"));
    assertThat(paged.getInt("page")).isEqualTo(1);
    assertThat(paged.getInt("size")).isEqualTo(1);
    assertThat(paged.getJsonArray("items")).hasSize(1);
    assertThat(paged.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);

    JsonObject mine = ok(signedIn(TANAKA).get("work-orders?size=100"));
    assertThat(ids(mine)).contains(sent).doesNotContain(draft);
    assertThat(strings(mine.getJsonArray("items"), "status")).doesNotContain("DRAFT");

    assertThat(
            problem(sakura.get("work-orders?size=101"), 400, "error.api.pageSize")
                .getString("field"))
        .isEqualTo("size");
    assertThat(
            problem(sakura.get("work-orders?size=0"), 400, "error.api.pageSize").getString("field"))
        .isEqualTo("size");
    assertThat(
            problem(sakura.get("work-orders?page=-1"), 400, "error.api.parameter")
                .getString("field"))
        .isEqualTo("page");
    assertThat(
            problem(sakura.get("work-orders?sort=password"), 400, "error.api.parameter")
                .getString("field"))
        .isEqualTo("sort");
    assertThat(
            problem(sakura.get("work-orders?status=SHIPPED"), 400, "error.api.parameter")
                .getString("field"))
        .isEqualTo("status");
    assertThat(
            problem(sakura.get("work-orders?asc=yes"), 400, "error.api.parameter")
                .getString("field"))
        .isEqualTo("asc");
  }

  @Test
  @RunAsClient
  void aSubcontractorSwitchesOnlyBetweenItsOwnAgencies() {
    ApiClient yamada = signedIn(YAMADA);
    JsonObject session = ok(yamada.get("session"));
    assertThat(session.getBoolean("subcontractor")).isTrue();
    assertThat(strings(session.getJsonArray("agencies"), "name"))
        .containsExactlyInAnyOrder(SAKURA, AOBA);
    long aoba = tenantId(session, AOBA);
    long sakura = tenantId(session, SAKURA);

    assertThat(
            ok(yamada.put("session/agency", ApiClient.object("tenantId", aoba)))
                .getJsonObject("agency")
                .getString("name"))
        .isEqualTo(AOBA);
    assertThat(
            ok(yamada.put("session/agency", ApiClient.object("tenantId", sakura)))
                .getJsonObject("agency")
                .getString("name"))
        .isEqualTo(SAKURA);
    problem(
        yamada.put("session/agency", ApiClient.object("tenantId", 999_999_999L)),
        404,
        "error.notFound");
    problem(
        signedIn(TANAKA).put("session/agency", ApiClient.object("tenantId", aoba)),
        404,
        "error.notFound");
    problem(
        signedIn(SAKURA_ADMIN).put("session/agency", ApiClient.object("tenantId", aoba)),
        404,
        "error.notFound");
    assertThat(
            problem(yamada.put("session/agency", "{}"), 400, "error.field.required")
                .getString("field"))
        .isEqualTo("tenantId");
    problem(yamada.get("subcontractors"), 404, "error.notFound");
    problem(yamada.post("work-orders", terms(1L)), 404, "error.notFound");
    assertThat(ok(yamada.get("session")).getJsonObject("agency").getString("name"))
        .isEqualTo(SAKURA);
  }

  @Test
  @RunAsClient
  void theOpenApiDocumentDescribesTheWorkOrderEndpointsAndTheirProblems() {
    Reply reply = new ApiClient(base).get("/openapi");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("/api/work-orders:")
        .contains("/api/work-orders/{id}/lines/{lineId}/accept:")
        .contains("/api/work-orders/{id}/history:")
        .contains("/api/session:")
        .contains("application/problem+json")
        .contains("Problem:")
        .contains("#/components/responses/Conflict");
  }

  // ---------------------------------------------------------------------------------------------
  // In-container helpers

  private static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private Actor newAgency(String name) {
    UserAccount admin =
        signUp.signUp(new AgencySignUp.Form(name, "管理 太郎", email("admin"), PASSWORD));
    Workplace w = directory.workplacesOf(admin.getId()).get(0);
    return new Actor(admin.getId(), w.tenantId(), w.role());
  }

  private UserAccount join(Actor admin, String name) {
    String token = invitations.invite(admin, email("sub"), Role.SUBCONTRACTOR).token().value();
    return invitations.acceptWithNewAccount(token, name, PASSWORD);
  }

  private static Actor subcontractor(UserAccount sub, Actor agency) {
    return new Actor(sub.getId(), agency.tenantId(), Role.SUBCONTRACTOR);
  }

  private Terms serviceTerms(Long subcontractorId) {
    LocalDate today = LocalDate.ofInstant(clock.now(), TOKYO);
    return new Terms(
        "ウェブサイト制作",
        "説明",
        subcontractorId,
        "ja",
        "JPY",
        today,
        null,
        today.plusDays(30),
        "メールで納品",
        7,
        today.plusDays(60),
        "銀行振込");
  }

  private static LineInput serviceLine(String text, String price) {
    return new LineInput(text, "成果物", "検収基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal(price));
  }

  private void assertEveryUseCaseNotFound(Actor actor, long orderId, long lineId) {
    List<Runnable> useCases =
        List.of(
            () -> workOrders.view(actor, orderId),
            () -> workOrders.reviseTerms(actor, orderId, 1, serviceTerms(null)),
            () -> workOrders.send(actor, orderId, 1),
            () -> workOrders.acceptTerms(actor, orderId, 1),
            () -> workOrders.addLine(actor, orderId, serviceLine("侵入", "1")),
            () -> workOrders.editLine(actor, orderId, lineId, 1, serviceLine("侵入", "2")),
            () -> workOrders.acceptLine(actor, orderId, lineId, 1),
            () -> workOrders.removeLine(actor, orderId, lineId, 1),
            () -> workOrders.keepLine(actor, orderId, lineId, 1),
            () -> workOrders.moveLine(actor, orderId, lineId, 1));
    for (int i = 0; i < useCases.size(); i++) {
      Runnable useCase = useCases.get(i);
      assertThrows(NotFoundException.class, useCase::run, "use case " + i + " for " + actor);
    }
  }

  private long lineVersion(Actor actor, long orderId) {
    return workOrders.view(actor, orderId).order().getLines().get(0).getVersion();
  }

  private long lineVersion(Actor actor, long orderId, long lineId) {
    return workOrders.view(actor, orderId).order().getLines().stream()
        .filter(l -> l.getId() == lineId)
        .findFirst()
        .orElseThrow()
        .getVersion();
  }

  private List<AuditEvent> events(Actor actor, long orderId) {
    return inTransaction(() -> audit.about(actor, WorkOrders.SUBJECT, orderId));
  }

  private <T> T inTransaction(Supplier<T> work) {
    try {
      tx.begin();
      try {
        return work.get();
      } finally {
        tx.rollback();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Client helpers

  private ApiClient signedIn(String email) {
    return new ApiClient(base).signIn(email, DemoData.PASSWORD);
  }

  private static ApiClient inAgency(ApiClient client, String agencyName) {
    long tenantId = tenantId(ok(client.get("session")), agencyName);
    ok(client.put("session/agency", ApiClient.object("tenantId", tenantId)));
    return client;
  }

  private static long tenantId(JsonObject session, String agencyName) {
    return session.getJsonArray("agencies").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("name").equals(agencyName))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("tenantId")
        .longValue();
  }

  private static long subcontractorId(ApiClient agency, String name) {
    Reply reply = agency.get("subcontractors");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static LocalDate today() {
    return LocalDate.now(TOKYO);
  }

  /** Complete terms for a subcontractor, with some members replaced or added. */
  private static String terms(long subcontractorId, Object... overrides) {
    LocalDate today = today();
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("title", "ウェブサイト制作");
    terms.put("description", "コーポレートサイトの改修");
    terms.put("subcontractorId", subcontractorId);
    terms.put("language", "ja");
    terms.put("currency", "JPY");
    terms.put("commissionedOn", today);
    terms.put("deliveryDate", today.plusDays(30));
    terms.put("placeOfDelivery", "メールで納品");
    terms.put("reviewDays", 7);
    terms.put("paymentDueDate", today.plusDays(60));
    terms.put("paymentMethod", "銀行振込（月末締め翌月末払い）");
    for (int i = 0; i < overrides.length; i += 2) {
      terms.put((String) overrides[i], overrides[i + 1]);
    }
    return json(terms);
  }

  private static String line(String text, String quantity, String unitPrice, Object... more) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("text", text);
    line.put("deliverable", "デザインデータ");
    line.put("acceptanceCriteria", "レビューで合意");
    line.put("quantity", quantity);
    line.put("unit", "PAGE");
    line.put("unitPrice", unitPrice);
    for (int i = 0; i < more.length; i += 2) {
      line.put((String) more[i], more[i + 1]);
    }
    return json(line);
  }

  private static String json(Map<String, Object> members) {
    List<Object> flat = new ArrayList<>();
    members.forEach(
        (name, value) -> {
          flat.add(name);
          flat.add(value);
        });
    return ApiClient.object(flat.toArray());
  }

  private static String path(long orderId) {
    return "work-orders/" + orderId;
  }

  private static String linePath(long orderId, long lineId) {
    return path(orderId) + "/lines/" + lineId;
  }

  /** Replies to every work order action, with well-formed bodies and the order's real ids. */
  private static List<Reply> everyAction(
      ApiClient client, JsonObject order, long subcontractorId, long lineId, long otherLineId) {
    long id = id(order);
    String v = versionBody(order);
    String lv = versionBody(line(order, lineId));
    return List.of(
        client.get(path(id)),
        client.put(path(id) + "/terms", terms(subcontractorId, "version", versionOf(order))),
        client.post(path(id) + "/send", v),
        client.post(path(id) + "/terms/accept", v),
        client.post(path(id) + "/lines", line("侵入", "1", "1")),
        client.get(linePath(id, lineId)),
        client.put(
            linePath(id, lineId), line("侵入", "1", "1", "version", versionOf(line(order, lineId)))),
        client.post(linePath(id, lineId) + "/accept", lv),
        client.delete(linePath(id, lineId) + "?version=" + versionOf(line(order, lineId))),
        client.post(linePath(id, otherLineId) + "/keep", versionBody(line(order, otherLineId))),
        client.get(path(id) + "/history"));
  }

  private static JsonObject ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    return reply.json();
  }

  private static JsonObject problem(Reply reply, int status, String key) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = reply.json();
    assertThat(problem.getString("type")).isEqualTo("about:blank");
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("key")).as(reply.toString()).isEqualTo(key);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception");
    return problem;
  }

  private static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  private static long lineIdFrom(Reply added) {
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String location = added.header("Location");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private static long versionOf(JsonObject o) {
    return o.getJsonNumber("version").longValue();
  }

  /** The body of an action on what was seen at this version: {"version": n}. */
  private static String versionBody(JsonObject o) {
    return ApiClient.object("version", versionOf(o));
  }

  private static JsonObject line(JsonObject order, long lineId) {
    return order.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
        .filter(l -> id(l) == lineId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + lineId + " in " + order));
  }

  private static JsonObject lineHistory(JsonObject history, long lineId) {
    return history.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getJsonNumber("lineId").longValue() == lineId)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> texts(JsonObject order) {
    return strings(order.getJsonArray("lines"), "text");
  }

  private static List<String> strings(JsonArray objects, String member) {
    return objects.getValuesAs(JsonObject.class).stream().map(o -> o.getString(member)).toList();
  }

  private static List<String> strings(JsonArray values) {
    return values.getValuesAs(JsonValue.class).stream()
        .map(v -> ((jakarta.json.JsonString) v).getString())
        .toList();
  }

  private static List<Long> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(WorkOrdersIT::id)
        .toList();
  }
}
