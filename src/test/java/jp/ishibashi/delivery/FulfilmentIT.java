package jp.ishibashi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.platform.DemoData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import jp.ishibashi.Race;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.TestOrders;
import jp.ishibashi.TestOrders.Parties;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.change.ChangeProposal;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.deadline.DeadlinePoller;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The funding gate, delivery and acceptance in Payara Micro: nothing starts or is delivered
 * before the escrow is funded, acceptance releases the escrow, and a review period that passes in
 * silence deems the delivery accepted exactly once, however many pollers race for it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FulfilmentIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portalWith(
        FulfilmentIT.class,
        TestAgencies.class,
        TestOrders.class,
        Race.class,
        Race.Outcome.class,
        ApiClient.class,
        ApiClient.Reply.class);
  }

  @Inject Fulfilment fulfilment;
  @Inject Cancellations cancellations;
  @Inject EscrowLedger escrow;
  @Inject TestOrders orders;
  @Inject DeadlinePoller poller;
  @Inject PortalClock clock;
  @Inject AuditTrail audit;
  @Inject ChangeRequests changes;
  @Inject UserTransaction tx;
  @ArquillianResource java.net.URL base;

  @Test
  @Order(1)
  void nothingStartsOrIsDeliveredBeforeFundingAndAcceptanceReleasesTheEscrow() {
    Parties p = orders.parties("株式会社仮払いテスト", "仮払い 一郎");
    WorkOrder order = orders.signed(p, 30, "トップページ", "下層ページ");
    long id = order.getId();

    assertKey("error.delivery.notFunded", () -> fulfilment.start(p.sub(), id));
    assertKey("error.delivery.notFunded", () -> fulfilment.deliver(p.sub(), id, "納品"));
    assertKey("error.delivery.subcontractorOnly", () -> fulfilment.deliver(p.agency(), id, "納品"));
    assertKey("error.delivery.agencyOnly", () -> fulfilment.fund(p.sub(), id, "入金-1"));
    assertKey("error.field.required", () -> fulfilment.fund(p.agency(), id, " "));
    assertEquals(WorkOrderStatus.SIGNED, orders.view(p.agency(), id).getStatus());
    assertTrue(escrow.ledger(p.agency(), id).isEmpty());

    fulfilment.fund(p.agency(), id, "入金-1");
    Ledger funded = escrow.ledger(p.sub(), id);
    assertEquals(new BigDecimal("220000"), funded.held().amount());
    assertKey("error.funding.alreadyFunded", () -> fulfilment.fund(p.agency(), id, "入金-2"));

    fulfilment.start(p.sub(), id);
    Delivery delivery = fulfilment.deliver(p.sub(), id, "納品します");
    assertEquals(WorkOrderStatus.DELIVERED, orders.view(p.agency(), id).getStatus());
    assertEquals(clock.today(), delivery.getReceivedOn());
    assertTrue(!delivery.getPaymentDueOn().isAfter(delivery.getReceivedOn().plusDays(60)));
    assertKey("error.delivery.underReview", () -> fulfilment.deliver(p.sub(), id, "もう一度"));

    assertKey("error.delivery.rejectReason", () -> fulfilment.reject(p.agency(), id, " ", List.of(1)));
    assertKey("error.delivery.rejectLines", () -> fulfilment.reject(p.agency(), id, "崩れ", List.of()));
    assertKey("error.delivery.unknownLine", () -> fulfilment.reject(p.agency(), id, "崩れ", List.of(9)));
    fulfilment.reject(p.agency(), id, "レイアウトが崩れています", List.of(2));
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus());

    fulfilment.deliver(p.sub(), id, "修正しました");
    fulfilment.accept(p.agency(), id);
    assertEquals(WorkOrderStatus.PAID, orders.view(p.sub(), id).getStatus());
    Ledger paid = escrow.ledger(p.agency(), id);
    assertEquals(0, paid.held().amount().signum());
    assertEquals(paid.deposited(), paid.released());
    assertKey("error.delivery.nothingToReview", () -> fulfilment.accept(p.agency(), id));
    List<Delivery> deliveries = fulfilment.deliveries(p.sub(), id);
    assertEquals(
        List.of(Delivery.State.ACCEPTED, Delivery.State.REJECTED),
        deliveries.stream().map(Delivery::getState).toList());
  }

  @Test
  @Order(2)
  void anAmendmentThatAddsWorkNeedsItsExtraEscrowBeforeDelivery() {
    Parties p = orders.parties("株式会社追加仮払い", "追加 二郎");
    long id = orders.signed(p, 30, "ロゴ").getId();
    fulfilment.fund(p.agency(), id, "入金-1");
    ChangeRequest r =
        changes.propose(
            p.agency(),
            id,
            new ChangeProposal(
                "名刺も",
                List.of(ChangeProposal.ChangeEdit.addLine("名刺", "AI", "確認", BigDecimal.ONE, Unit.ITEM, new BigDecimal("50000")))));
    changes.accept(p.sub(), id, r.getId());
    orders.signPending(p, id);
    assertEquals(new BigDecimal("55000"), fulfilment.extraDue(p.agency(), orders.view(p.agency(), id)).amount());
    assertKey("error.delivery.extraEscrow", () -> fulfilment.deliver(p.sub(), id, "納品"));
    fulfilment.fundExtra(p.agency(), id, "入金-2");
    assertKey("error.funding.nothingDue", () -> fulfilment.fundExtra(p.agency(), id, "入金-3"));
    fulfilment.deliver(p.sub(), id, "納品");
    assertEquals(WorkOrderStatus.DELIVERED, orders.view(p.agency(), id).getStatus());
  }

  @Test
  @Order(3)
  void deliveredFilesAreCheckedStoredAndOnlyForTheParties() {
    Parties p = orders.parties("株式会社添付", "添付 七郎");
    Parties other = orders.parties("株式会社他社添付", "他社 八郎");
    long id = orders.signed(p, 30, "パンフレット").getId();
    fulfilment.fund(p.agency(), id, "入金-1");
    byte[] pdf = "%PDF-1.7 納品物".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tooLarge = new byte[(int) fulfilment.attachmentMaxBytes() + 1];
    System.arraycopy(pdf, 0, tooLarge, 0, 5);

    assertKey("error.attachment.tooLarge", () -> fulfilment.deliver(p.sub(), id, "納品", List.of(new Upload("大きい.pdf", tooLarge)), null));
    assertKey("error.attachment.type", () -> fulfilment.deliver(p.sub(), id, "納品", List.of(new Upload("tool.exe", pdf)), null));
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus(), "nothing half-done");
    assertTrue(fulfilment.deliveries(p.sub(), id).isEmpty());

    fulfilment.deliver(p.sub(), id, "納品", List.of(new Upload("パンフレット.pdf", pdf)), null);
    List<Fulfilment.AttachmentInfo> files = fulfilment.attachments(p.agency(), id);
    assertEquals(1, files.size());
    assertEquals("パンフレット.pdf", files.get(0).fileName());
    long fileId = files.get(0).id();
    assertTrue(java.util.Arrays.equals(pdf, fulfilment.attachment(p.agency(), id, fileId).content()));
    for (Actor stranger : List.of(other.agency(), other.sub())) {
      assertThrows(NotFoundException.class, () -> fulfilment.attachment(stranger, id, fileId));
      assertThrows(NotFoundException.class, () -> fulfilment.attachments(stranger, id));
    }
  }

  @Test
  @Order(3)
  void chosenLinesAreDeliveredAcceptedAndPaidOneByOne() {
    Parties p = orders.parties("株式会社分納", "分納 十一郎");
    long id = orders.signed(p, 30, "トップページ", "下層ページ").getId();
    fulfilment.fund(p.agency(), id, "入金-1");
    assertKey("error.delivery.unknownLine", () -> fulfilment.deliver(p.sub(), id, "納品", List.of(), List.of(3)));

    Delivery first = fulfilment.deliver(p.sub(), id, "トップページのみ", List.of(), List.of(1));
    assertEquals(List.of(1), first.lines());
    fulfilment.accept(p.agency(), id);
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus());
    Ledger partly = escrow.ledger(p.sub(), id);
    assertEquals(new BigDecimal("110000"), partly.released().amount());
    assertEquals(new BigDecimal("110000"), partly.held().amount());
    assertKey("error.delivery.lineAccepted", () -> fulfilment.deliver(p.sub(), id, "もう一度", List.of(), List.of(1)));

    Delivery rest = fulfilment.deliver(p.sub(), id, "残り", List.of(), null);
    assertEquals(List.of(2), rest.lines());
    fulfilment.accept(p.agency(), id);
    assertEquals(WorkOrderStatus.PAID, orders.view(p.agency(), id).getStatus());
    Ledger paid = escrow.ledger(p.sub(), id);
    assertEquals(paid.deposited(), paid.released());
  }

  @Test
  @Order(3)
  void aNonPartySeesAndDoesNothing() {
    Parties p = orders.parties("株式会社当事者", "当事者 三郎");
    Parties other = orders.parties("株式会社他社", "他社 四郎");
    Actor bystander = TestOrders.subcontractor(orders.join(p.agency(), "無関係 五郎"), p.agency());
    long id = orders.signed(p, 30, "バナー").getId();
    for (Actor stranger : List.of(other.agency(), other.sub(), bystander)) {
      assertThrows(NotFoundException.class, () -> fulfilment.fund(stranger, id, "入金"));
      assertThrows(NotFoundException.class, () -> fulfilment.deliver(stranger, id, "納品"));
      assertThrows(NotFoundException.class, () -> fulfilment.accept(stranger, id));
      assertThrows(NotFoundException.class, () -> fulfilment.deliveries(stranger, id));
      assertThrows(NotFoundException.class, () -> escrow.ledger(stranger, id));
    }
    assertEquals(WorkOrderStatus.SIGNED, orders.view(p.agency(), id).getStatus());
  }

  @Test
  @Order(4)
  @RunAsClient
  void overRestTheGateRefusesAndFundingOpensIt() {
    ApiClient agency = new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD);
    ApiClient tanaka = new ApiClient(base).signIn("tanaka@freelance.example", DemoData.PASSWORD);
    ApiClient aoba = new ApiClient(base).signIn("admin@aoba.example", DemoData.PASSWORD);
    long id = signedOverRest(agency, tanaka);
    String base = "work-orders/" + id + "/fulfilment/";

    ApiClient.Reply early = tanaka.post(base + "deliveries", "{\"note\":\"納品\"}");
    assertEquals(400, early.status(), early.toString());
    assertEquals("error.delivery.notFunded", early.json().getString("key"));
    assertEquals(404, aoba.post(base + "escrow/fund", "{\"reference\":\"x\"}").status());
    assertEquals(404, aoba.get(base + "escrow").status());

    ApiClient.Reply funded = agency.post(base + "escrow/fund", "{\"reference\":\"振込-1\"}");
    assertEquals(200, funded.status(), funded.toString());
    assertEquals("FUNDED", funded.json().getString("orderStatus"));
    assertEquals("220000", funded.json().getString("held"));
    ApiClient.Reply twice = agency.post(base + "escrow/fund", "{\"reference\":\"振込-2\"}");
    assertEquals("error.funding.alreadyFunded", twice.json().getString("key"));

    ApiClient.Reply delivered = tanaka.post(base + "deliveries", "{\"note\":\"納品します\"}");
    assertEquals(200, delivered.status(), delivered.toString());
    assertEquals("SUBMITTED", delivered.json().getString("state"));
    ApiClient.Reply accepted = agency.post(base + "deliveries/accept", "{}");
    assertEquals("PAID", accepted.json().getString("orderStatus"));
    assertEquals("220000", accepted.json().getString("released"));
  }

  private static long signedOverRest(ApiClient agency, ApiClient sub) {
    long subId = agency.subcontractorId("田中 美咲");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    long id =
        agency.post("work-orders", ApiClient.object(
                "title", "REST 仮払いテスト", "subcontractorId", subId, "language", "ja", "currency", "JPY",
                "commissionedOn", today, "deliveryDate", today.plusDays(20), "placeOfDelivery", "メール",
                "reviewDays", 7, "paymentDueDate", today.plusDays(40), "paymentMethod", "銀行振込"))
            .json().getJsonNumber("id").longValue();
    agency.post("work-orders/" + id + "/lines", ApiClient.object(
        "text", "トップページ", "deliverable", "HTML", "quantity", "1", "unit", "PAGE", "unitPrice", "200000"));
    jakarta.json.JsonObject order = agency.get("work-orders/" + id).json();
    order = agency.post("work-orders/" + id + "/send", ApiClient.object("version", order.getJsonNumber("version").longValue())).json();
    order = sub.post("work-orders/" + id + "/terms/accept", ApiClient.object("version", order.getJsonNumber("version").longValue())).json();
    for (jakarta.json.JsonObject l : order.getJsonArray("lines").getValuesAs(jakarta.json.JsonObject.class)) {
      sub.post("work-orders/" + id + "/lines/" + l.getJsonNumber("id").longValue() + "/accept",
          ApiClient.object("version", l.getJsonNumber("version").longValue()));
    }
    jakarta.json.JsonObject agreement = agency.get("work-orders/" + id + "/agreements").array().getJsonObject(0);
    String path = "work-orders/" + id + "/agreements/" + agreement.getJsonNumber("id").longValue() + "/signatures";
    String body = ApiClient.object("contentHash", agreement.getString("contentHash"), "password", DemoData.PASSWORD);
    agency.post(path, body);
    sub.post(path, body);
    return id;
  }

  /** Last: it moves the portal's clock past review periods. */
  @Test
  @Order(100)
  void silenceThroughTheReviewPeriodIsADeemedAcceptanceExactlyOnceEvenWithRacingPollers() {
    Parties p = orders.parties("株式会社沈黙", "沈黙 六郎");
    long first = deliveredOrder(p);
    long second = deliveredOrder(p);

    poller.pollOnce();
    assertEquals(WorkOrderStatus.DELIVERED, orders.view(p.agency(), first).getStatus(), "not before the period ends");

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    List<Race.Outcome<Integer>> polls = Race.run(3, () -> poller.pollOnce());
    assertTrue(polls.stream().allMatch(Race.Outcome::succeeded), polls.toString());
    poller.pollOnce();

    for (long id : List.of(first, second)) {
      assertEquals(WorkOrderStatus.PAID, orders.view(p.agency(), id).getStatus());
      assertEquals(Delivery.State.DEEMED_ACCEPTED, fulfilment.deliveries(p.sub(), id).get(0).getState());
      assertEquals(1, count(p.agency(), id, "DELIVERY_DEEMED_ACCEPTED"));
      assertEquals(1, count(p.agency(), id, "ESCROW_RELEASED"));
      Ledger ledger = escrow.ledger(p.sub(), id);
      assertEquals(ledger.deposited(), ledger.released());
    }
  }

  @Test
  @Order(101)
  void cancellingBeforeFundingIsImmediateAndAfterFundingPaysTheKillFeeAndRefundsTheRest() {
    Parties p = orders.parties("株式会社キャンセル", "解約 九郎");
    long unfunded = orders.signed(p, 30, "ロゴ").getId();
    assertKey("error.cancel.reason", () -> cancellations.cancel(p.sub(), unfunded, " "));
    assertTrue(cancellations.cancel(p.sub(), unfunded, "体調不良のため").cancelled());
    assertEquals(WorkOrderStatus.CANCELLED, orders.view(p.agency(), unfunded).getStatus());
    assertKey("error.funding.cancelled", () -> fulfilment.fund(p.agency(), unfunded, "入金-1"));
    assertKey(
        "error.change.closed",
        () ->
            changes.propose(
                p.agency(),
                unfunded,
                new ChangeProposal("追加", List.of(ChangeProposal.ChangeEdit.removeLine(1)))));
    assertKey("error.cancel.already", () -> cancellations.cancel(p.agency(), unfunded, "再度"));

    // Funded and started: the line in progress is paid at the 50% kill fee, plus tax.
    long started = orders.signed(p, 30, "ウェブサイト").getId();
    fulfilment.fund(p.agency(), started, "入金-2");
    fulfilment.start(p.sub(), started);
    Cancellations.Outcome outcome = cancellations.cancel(p.agency(), started, "計画の中止");
    assertTrue(outcome.cancelled());
    assertEquals(new BigDecimal("55000"), outcome.paid().amount());
    assertEquals(new BigDecimal("55000"), outcome.refunded().amount());
    Ledger ledger = escrow.ledger(p.sub(), started);
    assertEquals(0, ledger.held().amount().signum());
    assertEquals(ledger.deposited(), ledger.released().plus(ledger.refunded()));
  }

  @Test
  @Order(102)
  void aLongEngagementNeedsThirtyDaysNoticeAfterFunding() {
    Parties p = orders.parties("株式会社長期", "長期 十郎");
    long id = orders.signed(p, 200, "保守運用").getId();
    fulfilment.fund(p.agency(), id, "入金-1");
    Cancellations.Outcome notice = cancellations.cancel(p.agency(), id, "契約の見直し");
    assertTrue(!notice.cancelled());
    assertEquals(clock.today().plusDays(30), notice.effectiveFrom());
    assertKey("error.cancel.notice", () -> cancellations.cancel(p.agency(), id, "すぐに解除したい"));
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus());
    assertEquals(new BigDecimal("110000"), escrow.ledger(p.agency(), id).held().amount(), "the ledger is untouched");

    clock.advance(Duration.ofDays(30));
    Cancellations.Outcome cancelled = cancellations.cancel(p.agency(), id, "予告どおり解除");
    assertTrue(cancelled.cancelled());
    assertEquals(new BigDecimal("110000"), cancelled.refunded().amount(), "nothing started: all refunded");
  }

  private long deliveredOrder(Parties p) {
    long id = orders.signed(p, 30, "記事").getId();
    fulfilment.fund(p.agency(), id, "入金-" + id);
    fulfilment.deliver(p.sub(), id, "納品します");
    return id;
  }

  private long count(Actor actor, long orderId, String action) {
    return inTransaction(() -> audit.about(actor, "WorkOrder", orderId)).stream()
        .map(AuditEvent::getAction)
        .filter(action::equals)
        .count();
  }

  private static void assertKey(String key, Runnable action) {
    DomainException e = assertThrows(DomainException.class, action::run);
    assertEquals(key, e.key());
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
}
