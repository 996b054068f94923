package jp.ishibashi.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import jakarta.json.JsonObject;
import java.net.URL;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import jp.ishibashi.Poppler;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.TestOrders;
import jp.ishibashi.TestOrders.Parties;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.change.ChangeProposal.ChangeEdit;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Change requests in Payara Micro: priced before anyone may accept them, bound to the agreement
 * version they priced, and turned on acceptance into a re-signed amendment chained to the
 * previous version by its hash.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeRequestsIT {

  private static final String PASSWORD = TestAgencies.PASSWORD;
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject ChangeRequests changes;
  @Inject TestOrders orders;
  @Inject Agreements agreements;
  @Inject WorkOrders workOrders;
  @Inject PortalClock clock;

  /**
   * Every test of a run shares one portal, so the clock goes back to the real time. Methods run
   * as a client have nothing injected here and never move the clock.
   */
  @AfterEach
  void realTimeAgain() {
    if (clock != null) {
      clock.reset();
    }
  }

  @Resource ManagedExecutorService executor;
  @ArquillianResource URL base;

  @Test
  void aLateChangeIsSurchargedTheSubcontractorCountersWithTheExtensionAndBothReSign() {
    Parties p = orders.parties("株式会社変更テスト", "変更 一郎");
    // Delivery in 2 days: the seed's story, a big change just before the deadline.
    WorkOrder order = orders.signed(p, 2, "トップページ", "会社概要ページ");
    Agreement v1 = agreements.ofOrder(p.agency(), order.getId()).get(0);

    ChangeProposal late =
        new ChangeProposal(
            "採用ページを追加したい",
            List.of(ChangeEdit.addLine("採用ページ", "HTML", "レビュー", BigDecimal.ONE, Unit.PAGE, new BigDecimal("300000"))));
    QuoteSnapshot preview = changes.preview(p.agency(), order.getId(), late);
    assertTrue(preview.hasSurcharge(), "2 days before delivery");
    assertEquals("1", preview.rush().rate());
    assertNotNull(preview.extension());

    ChangeRequest proposed = changes.propose(p.agency(), order.getId(), late);
    assertEquals(ChangeRequest.State.PRICED, proposed.getState());
    assertEquals(v1.getId(), proposed.getAgreementId());
    assertEquals(WorkOrderStatus.SIGNED, view(p.agency(), order).getStatus());
    assertEquals(2, view(p.agency(), order).countedLines().size(), "nothing changes before acceptance");

    // The agency cannot accept its own request; the subcontractor counters with the extension.
    DomainException own =
        assertThrows(DomainException.class, () -> changes.accept(p.agency(), order.getId(), proposed.getId()));
    assertEquals("error.change.ownProposal", own.key());
    LocalDate extended = preview.extension().newDueDate();
    ChangeRequest counter =
        changes.counter(p.sub(), order.getId(), proposed.getId(), late.withDueDate(extended, "納期を延ばせば追加料金なしで対応します"));
    QuoteSnapshot counterQuote = changes.get(p.sub(), order.getId(), counter.getId()).quote();
    assertTrue(!counterQuote.hasSurcharge());
    assertEquals(extended, counterQuote.newDueDate());
    assertEquals(ChangeRequest.State.COUNTERED, changes.get(p.agency(), order.getId(), proposed.getId()).request().getState());

    changes.accept(p.agency(), order.getId(), counter.getId());
    WorkOrder amended = view(p.agency(), order);
    assertEquals(3, amended.countedLines().size());
    assertEquals(extended, amended.getDeliveryDate());
    List<Agreement> versions = agreements.ofOrder(p.sub(), order.getId());
    Agreement v2 = versions.get(0);
    assertEquals(2, v2.getVersionNumber());
    assertEquals(Agreement.State.AWAITING_SIGNATURES, v2.getState());
    assertEquals(v1.getContentHash(), v2.getPreviousHash());
    AgreementContent content = v2.content();
    assertEquals(counter.reference(), content.amendment().changeRequest());
    assertEquals(v1.getContentHash(), content.previousHash());

    // A second change waits until the amendment is signed.
    DomainException pending =
        assertThrows(DomainException.class, () -> changes.preview(p.agency(), order.getId(), late));
    assertEquals("error.change.amendmentPending", pending.key());

    agreements.sign(p.agency(), order.getId(), v2.getId(), v2.getContentHash(), PASSWORD, Locale.JAPANESE);
    Agreement signed = agreements.sign(p.sub(), order.getId(), v2.getId(), v2.getContentHash(), PASSWORD, Locale.JAPANESE);
    assertEquals(Agreement.State.SIGNED, signed.getState());
    byte[] pdf = agreements.document(p.sub(), order.getId(), 2).bytes();
    assertEquals(2, Poppler.validSignatures(pdf));
    String text = Poppler.pdftotext(pdf).replaceAll("\\s", "");
    assertTrue(text.contains("採用ページ"), text);
    assertTrue(text.contains("変更の内容") && text.contains(counter.reference()), text);
    assertEquals(2, agreements.ofOrder(p.agency(), order.getId()).stream()
        .filter(a -> a.getState() == Agreement.State.SIGNED).count());
  }

  @Test
  void rejectionNeedsAReasonAndOnlyTheProposerWithdraws() {
    Parties p = orders.parties("株式会社却下テスト", "却下 二郎");
    WorkOrder order = orders.signed(p, 30, "バナー");
    ChangeRequest r = changes.propose(p.sub(), order.getId(), addPage("追加のバナー", "20000"));

    DomainException noReason =
        assertThrows(DomainException.class, () -> changes.reject(p.agency(), order.getId(), r.getId(), " "));
    assertEquals("error.change.rejectReason", noReason.key());
    DomainException notYours =
        assertThrows(DomainException.class, () -> changes.withdraw(p.agency(), order.getId(), r.getId()));
    assertEquals("error.change.notProposer", notYours.key());

    changes.reject(p.agency(), order.getId(), r.getId(), "予算がありません");
    assertEquals(ChangeRequest.State.REJECTED, changes.get(p.sub(), order.getId(), r.getId()).request().getState());
    DomainException closed =
        assertThrows(DomainException.class, () -> changes.accept(p.agency(), order.getId(), r.getId()));
    assertEquals("error.change.notOpen", closed.key());

    ChangeRequest second = changes.propose(p.sub(), order.getId(), addPage("別のバナー", "15000"));
    changes.withdraw(p.sub(), order.getId(), second.getId());
    assertEquals(ChangeRequest.State.WITHDRAWN, changes.get(p.agency(), order.getId(), second.getId()).request().getState());
    assertEquals(1, view(p.agency(), order).countedLines().size(), "nothing changed");
  }

  /** Last: it moves the portal's clock forward, and the client-side test dates by the real one. */
  @Test
  @Order(Integer.MAX_VALUE)
  void anExpiredQuoteOrOneOfAnEarlierVersionIsRefused() {
    Parties p = orders.parties("株式会社期限テスト", "期限 三郎");
    WorkOrder order = orders.signed(p, 30, "ロゴ");
    ChangeRequest first = changes.propose(p.agency(), order.getId(), addPage("名刺デザイン", "30000"));
    ChangeRequest second = changes.propose(p.agency(), order.getId(), addPage("封筒デザイン", "30000"));

    changes.accept(p.sub(), order.getId(), first.getId());
    DomainException pending =
        assertThrows(DomainException.class, () -> changes.accept(p.sub(), order.getId(), second.getId()));
    assertEquals("error.change.amendmentPending", pending.key());
    assertEquals(2, orders.signPending(p, order.getId()).getVersionNumber());
    DomainException stale =
        assertThrows(DomainException.class, () -> changes.accept(p.sub(), order.getId(), second.getId()));
    assertEquals("error.change.stale", stale.key());

    ChangeRequest late = changes.propose(p.agency(), order.getId(), addPage("チラシ", "40000"));
    clock.advance(Duration.ofDays(8));
    DomainException expired =
        assertThrows(DomainException.class, () -> changes.accept(p.sub(), order.getId(), late.getId()));
    assertEquals("error.change.expired", expired.key());
    assertEquals(ChangeRequest.State.EXPIRED, changes.get(p.sub(), order.getId(), late.getId()).request().stateAt(clock.now()));
    assertEquals(2, agreements.ofOrder(p.agency(), order.getId()).size(), "v1, v2 and nothing more");
  }

  @Test
  void twoConcurrentAcceptsOfOneQuoteMakeExactlyOneAmendment() throws Exception {
    Parties p = orders.parties("株式会社同時テスト", "同時 四郎");
    WorkOrder order = orders.signed(p, 30, "LP");
    ChangeRequest r = changes.propose(p.agency(), order.getId(), addPage("追加LP", "50000"));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      outcomes.add(
          executor.submit(
              () -> {
                start.await();
                try {
                  changes.accept(p.sub(), order.getId(), r.getId());
                  return "accepted";
                } catch (DomainException e) {
                  return e.key();
                }
              }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : outcomes) {
      results.add(f.get());
    }
    assertEquals(1, results.stream().filter("accepted"::equals).count(), results.toString());
    // The loser finds the amendment the winner made awaiting signatures: no second change now.
    assertTrue(results.contains("error.change.amendmentPending"), results.toString());
    assertEquals(1, agreements.ofOrder(p.agency(), order.getId()).stream()
        .filter(a -> a.getVersionNumber() == 2).count());
  }

  @Test
  void aNonPartyCannotSeeOrActOnAChange() {
    Parties p = orders.parties("株式会社隔離テスト", "当事者 五郎");
    UserAccount bystander = orders.join(p.agency(), "無関係 六郎");
    Parties other = orders.parties("株式会社よそ者", "よそ 七郎");
    WorkOrder order = orders.signed(p, 30, "動画");
    ChangeRequest r = changes.propose(p.agency(), order.getId(), addPage("字幕", "10000"));
    for (Actor stranger : List.of(TestOrders.subcontractor(bystander, p.agency()), other.agency(), other.sub())) {
      assertThrows(NotFoundException.class, () -> changes.ofOrder(stranger, order.getId()));
      assertThrows(NotFoundException.class, () -> changes.get(stranger, order.getId(), r.getId()));
      assertThrows(NotFoundException.class, () -> changes.accept(stranger, order.getId(), r.getId()));
      assertThrows(NotFoundException.class, () -> changes.reject(stranger, order.getId(), r.getId(), "x"));
      assertThrows(NotFoundException.class, () -> changes.withdraw(stranger, order.getId(), r.getId()));
      assertThrows(NotFoundException.class, () -> changes.propose(stranger, order.getId(), addPage("侵入", "1000")));
    }
    // A request id of another order is a 404 too.
    WorkOrder another = orders.signed(p, 30, "別件");
    assertThrows(NotFoundException.class, () -> changes.accept(p.sub(), another.getId(), r.getId()));
    assertEquals(ChangeRequest.State.PRICED, changes.get(p.sub(), order.getId(), r.getId()).request().getState());
  }

  @Test
  void badProposalsAreRefusedAndNothingIsSaved() {
    Parties p = orders.parties("株式会社入力テスト", "入力 八郎");
    WorkOrder order = orders.signed(p, 30, "記事");
    List<ChangeProposal> bad =
        List.of(
            new ChangeProposal("", List.of(ChangeEdit.removeLine(1))),
            new ChangeProposal("理由", List.of()),
            new ChangeProposal("負の数量", List.of(ChangeEdit.addLine("x", null, null, new BigDecimal("-1"), Unit.PAGE, new BigDecimal("1000")))),
            new ChangeProposal("負の単価", List.of(ChangeEdit.addLine("x", null, null, BigDecimal.ONE, Unit.PAGE, new BigDecimal("-1000")))),
            new ChangeProposal("無償の追加", List.of(ChangeEdit.addLine("x", null, null, BigDecimal.ONE, Unit.PAGE, BigDecimal.ZERO))),
            new ChangeProposal("ない明細", List.of(ChangeEdit.removeLine(9))),
            new ChangeProposal("過去の納期", List.of(ChangeEdit.moveDueDate(LocalDate.ofInstant(clock.now(), TOKYO).minusDays(1)))));
    List<String> keys = new ArrayList<>();
    for (ChangeProposal proposal : bad) {
      keys.add(assertThrows(DomainException.class, () -> changes.propose(p.agency(), order.getId(), proposal)).key());
    }
    assertTrue(keys.contains("error.field.required"), keys.toString());
    assertTrue(keys.contains("error.change.empty"), keys.toString());
    assertTrue(keys.contains("error.change.unpaid"), keys.toString());
    assertTrue(keys.contains("error.change.lineNotFound"), keys.toString());
    assertTrue(keys.contains("error.change.dueDateBeforeRequest"), keys.toString());
    assertTrue(changes.ofOrder(p.agency(), order.getId()).isEmpty());

    ChangeRequest removed = changes.propose(p.agency(), order.getId(), new ChangeProposal("削除", List.of(ChangeEdit.removeLine(1))));
    changes.accept(p.sub(), order.getId(), removed.getId());
    assertEquals(2, orders.signPending(p, order.getId()).getVersionNumber());
    DomainException again =
        assertThrows(DomainException.class, () -> changes.propose(p.agency(), order.getId(), new ChangeProposal("再削除", List.of(ChangeEdit.removeLine(2)))));
    assertEquals("error.change.lineNotFound", again.key());

    WorkOrder unsigned = workOrders.create(p.agency(), terms(p.subAccount(), 30));
    DomainException notSigned =
        assertThrows(DomainException.class, () -> changes.propose(p.agency(), unsigned.getId(), addPage("x", "1000")));
    assertEquals("error.change.notSigned", notSigned.key());
  }

  @Test
  @RunAsClient
  void overRestTheQuoteIsAJsonDocumentWithItsBreakdownAndExplanation() {
    ApiClient agency = new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD);
    ApiClient tanaka = new ApiClient(base).language("en").signIn("tanaka@freelance.example", DemoData.PASSWORD);
    ApiClient aoba = new ApiClient(base).signIn("admin@aoba.example", DemoData.PASSWORD);
    long orderId = signedOverRest(agency, tanaka);
    String proposal =
        "{\"reason\":\"採用ページを追加\",\"edits\":[{\"type\":\"ADD_LINE\",\"text\":\"採用ページ\","
            + "\"quantity\":1,\"unit\":\"PAGE\",\"unitPrice\":300000}]}";
    String base = "work-orders/" + orderId + "/change-requests";

    ApiClient.Reply preview = agency.post(base + "/preview", proposal);
    assertEquals(200, preview.status(), preview.toString());
    assertEquals("1", preview.json().getJsonObject("rush").getString("rate"));
    assertTrue(preview.json().getString("explanationJa").contains("特急"));
    assertTrue(agency.get(base).array().isEmpty(), "a preview saves nothing");

    ApiClient.Reply created = agency.post(base, proposal);
    assertEquals(201, created.status(), created.toString());
    JsonObject request = created.json();
    assertEquals("PRICED", request.getString("state"));
    JsonObject quote = request.getJsonObject("quote");
    assertEquals("ADDED_LINE", quote.getJsonArray("breakdown").getJsonObject(0).getString("kind"));
    assertTrue(quote.getJsonArray("breakdown").getJsonObject(0).getString("explanationEn").length() > 0);
    assertNotNull(quote.getJsonObject("extension"));
    String path = base + "/" + request.getJsonNumber("id").longValue();
    assertTrue(created.header("Location").endsWith(path));

    assertEquals(404, aoba.get(base).status());
    assertEquals(404, aoba.post(path + "/accept", "{}").status());
    ApiClient.Reply noReason = tanaka.post(path + "/reject", "{}");
    assertEquals(400, noReason.status());
    assertEquals("error.change.rejectReason", noReason.json().getString("key"));
    ApiClient.Reply bad = agency.post(base, "{\"reason\":\"x\",\"edits\":[{\"type\":\"ADD_LINE\",\"text\":\"無償\",\"quantity\":1,\"unit\":\"PAGE\",\"unitPrice\":0}]}");
    assertEquals(400, bad.status());
    assertEquals("error.change.unpaid", bad.json().getString("key"));

    ApiClient.Reply accepted = tanaka.post(path + "/accept", "{}");
    assertEquals(200, accepted.status(), accepted.toString());
    assertEquals("ACCEPTED", accepted.json().getString("state"));
    JsonObject v2 = agency.get("work-orders/" + orderId + "/agreements").array().getJsonObject(0);
    assertEquals(2, v2.getInt("version"));
    assertEquals("AWAITING_SIGNATURES", v2.getString("state"));
  }

  // ---------------------------------------------------------------------------------------------

  private static long signedOverRest(ApiClient agency, ApiClient sub) {
    long subId =
        agency.get("subcontractors").array().getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("name").equals("田中 美咲"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    LocalDate today = LocalDate.now(TOKYO);
    ApiClient.Reply created =
        agency.post("work-orders", ApiClient.object(
            "title", "REST 変更テスト", "subcontractorId", subId, "language", "ja", "currency", "JPY",
            "commissionedOn", today, "deliveryDate", today.plusDays(2), "placeOfDelivery", "メール",
            "reviewDays", 7, "paymentDueDate", today.plusDays(30), "paymentMethod", "銀行振込"));
    assertEquals(201, created.status(), created.toString());
    long id = created.json().getJsonNumber("id").longValue();
    agency.post("work-orders/" + id + "/lines", ApiClient.object(
        "text", "トップページ", "deliverable", "HTML", "quantity", "1", "unit", "PAGE",
        "unitPrice", "200000"));
    JsonObject order = agency.get("work-orders/" + id).json();
    order = agency.post("work-orders/" + id + "/send", ApiClient.object("version", order.getJsonNumber("version").longValue())).json();
    order = sub.post("work-orders/" + id + "/terms/accept", ApiClient.object("version", order.getJsonNumber("version").longValue())).json();
    for (JsonObject l : order.getJsonArray("lines").getValuesAs(JsonObject.class)) {
      sub.post("work-orders/" + id + "/lines/" + l.getJsonNumber("id").longValue() + "/accept",
          ApiClient.object("version", l.getJsonNumber("version").longValue()));
    }
    JsonObject agreement = agency.get("work-orders/" + id + "/agreements").array().getJsonObject(0);
    String path = "work-orders/" + id + "/agreements/" + agreement.getJsonNumber("id").longValue() + "/signatures";
    String body = ApiClient.object("contentHash", agreement.getString("contentHash"), "password", DemoData.PASSWORD);
    agency.post(path, body);
    sub.post(path, body);
    return id;
  }



  private static ChangeProposal addPage(String text, String price) {
    return new ChangeProposal(
        text + "を追加",
        List.of(ChangeEdit.addLine(text, "データ", "レビュー", BigDecimal.ONE, Unit.PAGE, new BigDecimal(price))));
  }

  private WorkOrder view(Actor actor, WorkOrder order) {
    return workOrders.view(actor, order.getId()).order();
  }


  private Terms terms(UserAccount sub, int deliveryInDays) {
    LocalDate today = LocalDate.ofInstant(clock.now(), TOKYO);
    return new Terms("ウェブサイト制作", "説明", sub.getId(), "ja", "JPY", today, null,
        today.plusDays(deliveryInDays), "メールで納品", 7, today.plusDays(deliveryInDays + 30), "銀行振込");
  }





}
