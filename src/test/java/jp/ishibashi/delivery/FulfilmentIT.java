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
import jp.ishibashi.demo.DemoData;
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
import org.junit.jupiter.api.AfterEach;
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
    return Deployments.suite();
  }

  @Inject Funding funding;
  @Inject Deliveries fulfilment;
  @Inject jp.ishibashi.settlement.Settlements settlements;
  @Inject jp.ishibashi.workorder.WorkOrders workOrders;
  @Inject Cancellations cancellations;
  @Inject EscrowLedger escrow;
  @Inject TestOrders orders;
  @Inject DeadlinePoller poller;
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
  @Inject AuditTrail audit;
  @Inject ChangeRequests changes;
  @Inject jp.ishibashi.notification.Notifications notifications;
  @Inject jp.ishibashi.agreement.Agreements agreements;
  @Inject jp.ishibashi.message.OrderMessages messages;
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
    assertKey("error.delivery.agencyOnly", () -> funding.fund(p.sub(), id, "入金-1"));
    assertKey("error.field.required", () -> funding.fund(p.agency(), id, " "));
    assertEquals(WorkOrderStatus.SIGNED, orders.view(p.agency(), id).getStatus());
    assertTrue(escrow.ledger(p.agency(), id).isEmpty());

    funding.fund(p.agency(), id, "入金-1");
    Ledger funded = escrow.ledger(p.sub(), id);
    assertEquals(new BigDecimal("220000"), funded.held().amount());
    assertKey("error.funding.alreadyFunded", () -> funding.fund(p.agency(), id, "入金-2"));

    fulfilment.start(p.sub(), id);
    Delivery delivery = fulfilment.deliver(p.sub(), id, "納品します");
    assertEquals(WorkOrderStatus.DELIVERED, orders.view(p.agency(), id).getStatus());
    assertEquals(clock.today(), delivery.getReceivedOn());
    assertTrue(!delivery.getPaymentDueOn().isAfter(delivery.getReceivedOn().plusDays(60)));
    assertKey("error.delivery.underReview", () -> fulfilment.deliver(p.sub(), id, "もう一度"));

    long first = lineId(p, id, 0);
    long second = lineId(p, id, 1);
    assertKey("error.delivery.rejectReason", () -> fulfilment.reject(p.agency(), id, " ", List.of(first)));
    assertKey("error.delivery.rejectLines", () -> fulfilment.reject(p.agency(), id, "崩れ", List.of()));
    assertKey("error.delivery.unknownLine", () -> fulfilment.reject(p.agency(), id, "崩れ", List.of(-9L)));
    fulfilment.reject(p.agency(), id, "レイアウトが崩れています", List.of(second));
    assertEquals(List.of(second), fulfilment.deliveries(p.agency(), id).get(0).faultyLineIds());
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus());

    fulfilment.deliver(p.sub(), id, "修正しました");
    fulfilment.accept(p.agency(), id);
    assertEquals(WorkOrderStatus.PAID, orders.view(p.sub(), id).getStatus());
    Ledger paid = escrow.ledger(p.agency(), id);
    assertEquals(0, paid.held().amount().signum());
    assertEquals(paid.deposited(), paid.released());
    assertKey("error.lifecycle.paid", () -> fulfilment.accept(p.agency(), id));
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
    funding.fund(p.agency(), id, "入金-1");
    ChangeRequest r =
        changes.propose(
            p.agency(),
            id,
            new ChangeProposal(
                "名刺も",
                List.of(ChangeProposal.ChangeEdit.addLine("名刺", "AI", "確認", BigDecimal.ONE, Unit.ITEM, new BigDecimal("50000")))));
    changes.accept(p.sub(), id, r.getId());
    orders.signPending(p, id);
    assertEquals(new BigDecimal("55000"), funding.extraDue(p.agency(), orders.view(p.agency(), id)).amount());
    assertKey("error.delivery.extraEscrow", () -> fulfilment.deliver(p.sub(), id, "納品"));
    funding.fundExtra(p.agency(), id, "入金-2");
    assertKey("error.funding.nothingDue", () -> funding.fundExtra(p.agency(), id, "入金-3"));
    fulfilment.deliver(p.sub(), id, "納品");
    assertEquals(WorkOrderStatus.DELIVERED, orders.view(p.agency(), id).getStatus());
  }

  @Test
  @Order(3)
  void deliveredFilesAreCheckedStoredAndOnlyForTheParties() {
    Parties p = orders.parties("株式会社添付", "添付 七郎");
    Parties other = orders.parties("株式会社他社添付", "他社 八郎");
    long id = orders.signed(p, 30, "パンフレット").getId();
    funding.fund(p.agency(), id, "入金-1");
    byte[] pdf = "%PDF-1.7 納品物".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long max = fulfilment.attachmentMaxBytes();

    // Received under a looser limit, the file is still refused by the delivery's own.
    Upload tooLarge = received("大きい.pdf", max + 1, max + 1);
    assertKey("error.attachment.tooLarge", () -> fulfilment.deliver(p.sub(), id, "納品", List.of(tooLarge), null));
    tooLarge.close();
    assertKey("error.attachment.type", () -> Upload.of("tool.exe", pdf, max));
    List<Upload> tooMany = new java.util.ArrayList<>();
    for (int i = 0; i <= fulfilment.maxFiles(); i++) {
      tooMany.add(Upload.of("部分" + i + ".pdf", pdf, max));
    }
    assertKey("error.attachment.tooMany", () -> fulfilment.deliver(p.sub(), id, "納品", tooMany, null));
    tooMany.forEach(Upload::close);
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus(), "nothing half-done");
    assertTrue(fulfilment.deliveries(p.sub(), id).isEmpty());
    assertTrue(fulfilment.attachments(p.sub(), id).isEmpty());

    // A file of several megabytes goes in and comes out as a stream, byte for byte.
    try (Upload brochure = received("パンフレット.pdf", 5L * 1024 * 1024, max)) {
      fulfilment.deliver(p.sub(), id, "納品", List.of(brochure), null);
      List<Deliveries.AttachmentInfo> files = fulfilment.attachments(p.agency(), id);
      assertEquals(1, files.size());
      assertEquals("パンフレット.pdf", files.get(0).fileName());
      assertEquals(brochure.size(), files.get(0).byteCount());
      long stored = files.get(0).id();
      assertEquals(brochure.sha256(), fulfilment.attachment(p.agency(), id, stored).getSha256());
      java.security.MessageDigest sha = sha256();
      try (java.io.OutputStream out =
          new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha)) {
        fulfilment.copyContent(p.agency(), id, stored, out);
      }
      assertEquals(brochure.sha256(), java.util.HexFormat.of().formatHex(sha.digest()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long fileId = fulfilment.attachments(p.agency(), id).get(0).id();
    for (Actor stranger : List.of(other.agency(), other.sub())) {
      assertThrows(NotFoundException.class, () -> fulfilment.attachment(stranger, id, fileId));
      assertThrows(NotFoundException.class, () -> fulfilment.attachments(stranger, id));
      assertThrows(
          NotFoundException.class,
          () -> fulfilment.copyContent(stranger, id, fileId, java.io.OutputStream.nullOutputStream()));
    }
  }

  /** A PDF-looking upload of {@code size} bytes, received under {@code limit}, never in memory. */
  private static Upload received(String name, long size, long limit) {
    java.io.InputStream content =
        new java.io.SequenceInputStream(
            new java.io.ByteArrayInputStream("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            new java.io.InputStream() {
              private long left = size - 9;
              private final java.util.Random random = new java.util.Random(size);

              @Override
              public int read() {
                return left-- > 0 ? random.nextInt(256) : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                  return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
              }
            });
    try {
      return Upload.receive(name, content, limit);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(3)
  void chosenLinesAreDeliveredAcceptedAndPaidOneByOne() {
    Parties p = orders.parties("株式会社分納", "分納 十一郎");
    long id = orders.signed(p, 30, "トップページ", "下層ページ").getId();
    funding.fund(p.agency(), id, "入金-1");
    long top = lineId(p, id, 0);
    long lower = lineId(p, id, 1);
    assertKey("error.delivery.unknownLine", () -> fulfilment.deliver(p.sub(), id, "納品", List.of(), List.of(-3L)));

    Delivery first = fulfilment.deliver(p.sub(), id, "トップページのみ", List.of(), List.of(top));
    assertEquals(List.of(top), first.lineIds());
    fulfilment.accept(p.agency(), id);
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus());
    Ledger partly = escrow.ledger(p.sub(), id);
    assertEquals(new BigDecimal("110000"), partly.released().amount());
    assertEquals(new BigDecimal("110000"), partly.held().amount());
    assertKey("error.delivery.lineAccepted", () -> fulfilment.deliver(p.sub(), id, "もう一度", List.of(), List.of(top)));

    Delivery rest = fulfilment.deliver(p.sub(), id, "残り", List.of(), null);
    assertEquals(List.of(lower), rest.lineIds());
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
      assertThrows(NotFoundException.class, () -> funding.fund(stranger, id, "入金"));
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
    assertEquals(409, early.status(), early.toString());
    assertEquals("error.delivery.notFunded", early.json().getString("key"));
    assertEquals(
        List.of("CHANGE", "CANCEL"),
        early.json().getJsonArray("allowedActions").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals(404, aoba.post(base + "escrow/fund", "{\"reference\":\"x\"}").status());
    assertEquals(404, aoba.get(base + "escrow").status());

    ApiClient.Reply funded = agency.post(base + "escrow/fund", "{\"reference\":\"振込-1\"}");
    assertEquals(200, funded.status(), funded.toString());
    assertEquals("FUNDED", funded.json().getString("orderStatus"));
    assertEquals("220000", funded.json().getString("held"));
    ApiClient.Reply twice = agency.post(base + "escrow/fund", "{\"reference\":\"振込-2\"}");
    assertEquals("error.funding.alreadyFunded", twice.json().getString("key"));

    // After signing, every way of editing the agreed content answers 409 and changes nothing.
    String order = "work-orders/" + id;
    jakarta.json.JsonObject before = agency.get(order).json();
    long version = before.getJsonNumber("version").longValue();
    jakarta.json.JsonObject line = before.getJsonArray("lines").getJsonObject(0);
    String linePath = order + "/lines/" + line.getJsonNumber("id").longValue();
    String lineVersion = ApiClient.object("version", line.getJsonNumber("version").longValue());
    String newLine =
        ApiClient.object(
            "text", "追加", "deliverable", "HTML", "quantity", "1", "unit", "PAGE", "unitPrice", "1",
            "version", line.getJsonNumber("version").longValue());
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    List<ApiClient.Reply> edits =
        List.of(
            agency.put(order + "/terms", ApiClient.object(
                "title", "書き換え", "subcontractorId", before.getJsonObject("terms").getJsonNumber("subcontractorId").longValue(),
                "language", "ja", "currency", "JPY", "commissionedOn", today, "deliveryDate", today.plusDays(20),
                "placeOfDelivery", "メール", "reviewDays", 7, "paymentDueDate", today.plusDays(40),
                "paymentMethod", "銀行振込", "version", version)),
            agency.post(order + "/send", ApiClient.object("version", version)),
            tanaka.post(order + "/terms/accept", ApiClient.object("version", version)),
            agency.post(order + "/lines", newLine),
            tanaka.post(order + "/lines", newLine),
            agency.put(linePath, newLine),
            tanaka.put(linePath, newLine),
            tanaka.post(linePath + "/accept", lineVersion),
            tanaka.post(linePath + "/keep", lineVersion),
            agency.delete(linePath + "?version=" + line.getJsonNumber("version").longValue()));
    for (ApiClient.Reply edit : edits) {
      assertEquals(409, edit.status(), edit.toString());
      assertTrue(edit.json().containsKey("allowedActions"), edit.toString());
    }
    assertEquals("error.workOrder.signed", edits.get(0).json().getString("key"));
    assertEquals(before, agency.get(order).json(), "nothing changed");

    // The other side's actions, and ending the order alone during a review, are refused (409).
    assertRefused(agency.post(base + "start", "{}"), "error.delivery.subcontractorOnly");
    assertRefused(tanaka.post(base + "demand", "{}"), "error.delivery.agencyOnly");
    ApiClient.Reply delivered = tanaka.post(base + "deliveries", "{\"note\":\"納品します\"}");
    assertEquals(200, delivered.status(), delivered.toString());
    assertEquals("SUBMITTED", delivered.json().getString("state"));
    assertRefused(tanaka.post(base + "deliveries/accept", "{}"), "error.delivery.agencyOnly");
    assertRefused(
        agency.post(base + "cancel", "{\"reason\":\"中止\"}"), "error.cancel.underReview");
    assertRefused(
        tanaka.post(base + "cancel", "{\"reason\":\"辞退\"}"), "error.cancel.underReview");
    ApiClient.Reply accepted = agency.post(base + "deliveries/accept", "{}");
    assertEquals("PAID", accepted.json().getString("orderStatus"));
    assertEquals("220000", accepted.json().getString("released"));
    // A paid order allows nothing more.
    assertRefused(agency.post(base + "cancel", "{\"reason\":\"後から\"}"), "error.lifecycle.paid");
    assertEquals(0, agency.get("work-orders/" + id).json().getJsonArray("allowedActions").size());
  }

  @Test
  @Order(4)
  @RunAsClient
  void thePageRefusesTooManyFilesAndAFileOverTheLimitWithNothingSavedAndStreamsTheRest() {
    ApiClient agency = new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD);
    ApiClient tanaka =
        new ApiClient(base).language("en").signIn("tanaka@freelance.example", DemoData.PASSWORD);
    long id = signedOverRest(agency, tanaka);
    String api = "work-orders/" + id + "/fulfilment/";
    assertEquals(200, agency.post(api + "escrow/fund", "{\"reference\":\"振込-1\"}").status());
    byte[] pdf = "%PDF-1.7 納品物".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    List<ApiClient.FilePart> eleven = new java.util.ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(new ApiClient.FilePart("fulfilment:attachments", "part" + i + ".pdf", pdf));
    }
    ApiClient.Reply tooMany = deliverOnPage(tanaka, id, eleven);
    assertEquals(200, tooMany.status(), tooMany.toString());
    assertTrue(tooMany.body().contains("You chose 11 files; a delivery takes at most 10."), tooMany.body());

    byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, tooLarge, 0, 5);
    ApiClient.Reply refused =
        deliverOnPage(tanaka, id, List.of(new ApiClient.FilePart("fulfilment:attachments", "big.pdf", tooLarge)));
    assertEquals(413, refused.status());
    assertTrue(refused.body().contains("at most 20 MB per file"), refused.body());
    // (Its Connection: close is checked over a raw socket in VerificationsIT: HttpClient hides it.)
    assertEquals(0, tanaka.get(api + "deliveries").array().size(), "nothing saved");
    assertEquals("FUNDED", agency.get(api + "escrow").json().getString("orderStatus"));

    byte[] brochure = new byte[3 * 1024 * 1024];
    new java.util.Random(11).nextBytes(brochure);
    System.arraycopy(pdf, 0, brochure, 0, 5);
    ApiClient.Reply delivered =
        deliverOnPage(tanaka, id, List.of(new ApiClient.FilePart("fulfilment:attachments", "brochure.pdf", brochure)));
    assertEquals(302, delivered.status(), delivered.toString());
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("fulfilment/attachments/(\\d+)")
            .matcher(tanaka.getFromRoot("orders/work-order.xhtml?id=" + id).body());
    assertTrue(link.find(), "the page links the delivered file");
    java.net.http.HttpResponse<byte[]> download = agency.getBytes(api + "attachments/" + link.group(1));
    assertEquals(200, download.statusCode());
    assertEquals(String.valueOf(brochure.length), download.headers().firstValue("Content-Length").orElse(null));
    assertTrue(java.util.Arrays.equals(brochure, download.body()));
  }

  /** Posts the delivery form of the order's page with the given files. */
  private ApiClient.Reply deliverOnPage(ApiClient sub, long id, List<ApiClient.FilePart> files) {
    String page = sub.getFromRoot("orders/work-order.xhtml?id=" + id).body();
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("<form id=\"fulfilment\"[^>]*action=\"([^\"]+)\"").matcher(page);
    assertTrue(action.find(), page);
    String path = action.group(1).replace("&amp;", "&").substring(base.getPath().length());
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("fulfilment", "fulfilment");
    fields.put("fulfilment:note", "納品します");
    fields.put("fulfilment:deliver", "");
    fields.put("jakarta.faces.ViewState", ApiClient.viewState(page));
    return sub.postMultipart(path, fields, files);
  }

  private static void assertRefused(ApiClient.Reply reply, String key) {
    assertEquals(409, reply.status(), reply.toString());
    assertEquals(key, reply.json().getString("key"), reply.toString());
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
    assertKey("error.lifecycle.cancelled", () -> funding.fund(p.agency(), unfunded, "入金-1"));
    assertKey(
        "error.lifecycle.cancelled",
        () ->
            changes.propose(
                p.agency(),
                unfunded,
                new ChangeProposal("追加", List.of(ChangeProposal.ChangeEdit.removeLine(1)))));
    assertKey("error.lifecycle.cancelled", () -> cancellations.cancel(p.agency(), unfunded, "再度"));

    // Funded and started: the line in progress is paid at the 50% kill fee, plus tax.
    long started = orders.signed(p, 30, "ウェブサイト").getId();
    funding.fund(p.agency(), started, "入金-2");
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
    funding.fund(p.agency(), id, "入金-1");
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


  @Test
  @Order(5)
  void afterSigningNoEditReachesTheAgreedContentAndTheMoneyStaysPut() {
    Parties p = orders.parties("株式会社締結後", "締結 十二郎");
    WorkOrder order = orders.signed(p, 30, "トップページ", "下層ページ");
    long id = order.getId();
    funding.fund(p.agency(), id, "入金-1");
    WorkOrder funded = orders.view(p.agency(), id);
    jp.ishibashi.workorder.ScopeLine line = funded.countedLines().get(0);
    jp.ishibashi.workorder.LineInput input =
        new jp.ishibashi.workorder.LineInput(
            "書き換え", "成果物", "基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal("1"));
    jp.ishibashi.workorder.Terms terms =
        new jp.ishibashi.workorder.Terms(
            "書き換え", "説明", p.subAccount().getId(), "ja", "JPY", clock.today(), null,
            clock.today().plusDays(30), "メールで納品", 7, clock.today().plusDays(60), "銀行振込");
    List<Runnable> edits =
        List.of(
            () -> workOrders.reviseTerms(p.agency(), id, funded.getVersion(), terms),
            () -> workOrders.send(p.agency(), id, funded.getVersion()),
            () -> workOrders.acceptTerms(p.sub(), id, funded.getVersion()),
            () -> workOrders.addLine(p.agency(), id, input),
            () -> workOrders.addLine(p.sub(), id, input),
            () -> workOrders.editLine(p.agency(), id, line.getId(), line.getVersion(), input),
            () -> workOrders.editLine(p.sub(), id, line.getId(), line.getVersion(), input),
            () -> workOrders.removeLine(p.agency(), id, line.getId(), line.getVersion()),
            () -> workOrders.acceptLine(p.sub(), id, line.getId(), line.getVersion()),
            () -> workOrders.keepLine(p.sub(), id, line.getId(), line.getVersion()),
            () -> workOrders.moveLine(p.agency(), id, line.getId(), 1));
    for (Runnable edit : edits) {
      jp.ishibashi.workorder.ActionRefusedException refused =
          assertThrows(jp.ishibashi.workorder.ActionRefusedException.class, edit::run);
      assertTrue(
          List.of("error.workOrder.signed", "error.delivery.agencyOnly").contains(refused.key()),
          refused.key());
      assertTrue(refused.allowed().contains(jp.ishibashi.workorder.OrderAction.CHANGE));
    }
    WorkOrder after = orders.view(p.agency(), id);
    assertEquals(WorkOrderStatus.FUNDED, after.getStatus());
    assertEquals(funded.getVersion(), after.getVersion());
    assertEquals("ウェブサイト制作", after.getTitle());
    assertEquals(2, after.countedLines().size());
    assertEquals(new BigDecimal("220000"), escrow.ledger(p.agency(), id).held().amount());
    // The cancellation that used to pay and refund nothing after such an edit settles in full.
    Cancellations.Outcome ended = cancellations.cancel(p.agency(), id, "計画の中止");
    assertEquals(new BigDecimal("220000"), ended.refunded().amount(), "nothing started");
    assertInvariants(p, id);
  }

  @Test
  @Order(5)
  void aSubcontractorWhoStartsAndWithdrawsTakesNoKillFee() {
    Parties p = orders.parties("株式会社辞退", "辞退 十三郎");
    long id = orders.signed(p, 30, "ロゴ", "名刺").getId();
    funding.fund(p.agency(), id, "入金-1");
    fulfilment.start(p.sub(), id);
    Cancellations.Outcome outcome = cancellations.cancel(p.sub(), id, "体調不良のため");
    assertTrue(outcome.cancelled());
    assertEquals(jp.ishibashi.workorder.Ending.WITHDRAWN, outcome.how());
    assertEquals(0, outcome.paid().amount().signum(), "no kill fee without the agency's consent");
    assertEquals(new BigDecimal("220000"), outcome.refunded().amount());
    assertEquals(jp.ishibashi.workorder.Ending.WITHDRAWN, orders.view(p.agency(), id).getEndedBy());
    assertTrue(
        notifications.inbox(p.agency(), 0, 50).stream()
            .anyMatch(n -> n.getKind() == jp.ishibashi.notification.NotificationKind.ORDER_ENDED),
        "the agency is told the order ended");
    assertInvariants(p, id);

    // The agency's own termination of started work pays the kill fee; accepted lines stay paid.
    long other = orders.signed(p, 30, "ロゴ", "名刺").getId();
    funding.fund(p.agency(), other, "入金-2");
    fulfilment.deliver(p.sub(), other, "ロゴ", List.of(), List.of(lineId(p, other, 0)));
    fulfilment.accept(p.agency(), other);
    Cancellations.Outcome terminated = cancellations.cancel(p.agency(), other, "計画の中止");
    assertEquals(jp.ishibashi.workorder.Ending.TERMINATED, terminated.how());
    assertEquals(new BigDecimal("55000"), terminated.paid().amount(), "50% of the line in progress, with tax");
    assertEquals(new BigDecimal("55000"), terminated.refunded().amount());
    Ledger ledger = escrow.ledger(p.agency(), other);
    assertEquals(new BigDecimal("165000"), ledger.released().amount());
    assertInvariants(p, other);
  }

  @Test
  @Order(5)
  void aLineIsPaidOnceWhateverAnAmendmentRenumbers() {
    Parties p = orders.parties("株式会社二重払い", "二重 十四郎");
    long id = orders.signed(p, 30, "トップページ", "下層ページ").getId();
    long top = lineId(p, id, 0);
    long lower = lineId(p, id, 1);
    funding.fund(p.agency(), id, "入金-1");
    fulfilment.deliver(p.sub(), id, "下層ページ", List.of(), List.of(lower));
    fulfilment.accept(p.agency(), id);
    assertEquals(new BigDecimal("110000"), escrow.ledger(p.agency(), id).released().amount());

    // An amendment removes the first line: the accepted one moves up to position 1.
    ChangeRequest removal =
        changes.propose(
            p.agency(),
            id,
            new ChangeProposal("トップページは不要", List.of(ChangeProposal.ChangeEdit.removeLine(1))));
    assertKey(
        "error.change.lineAccepted",
        () ->
            changes.propose(
                p.sub(),
                id,
                new ChangeProposal("受領済みを削除", List.of(ChangeProposal.ChangeEdit.removeLine(2)))));
    changes.accept(p.sub(), id, removal.getId());
    assertKey("error.lifecycle.amendmentPending", () -> fulfilment.deliver(p.sub(), id, "先に納品"));
    orders.signPending(p, id);
    WorkOrder amended = orders.view(p.agency(), id);
    assertEquals(lower, amended.countedLines().get(0).getId(), "the accepted line keeps its id");
    long killFeeLine = amended.countedLines().get(1).getId();
    assertEquals(java.util.Set.of(lower), settlements.acceptedLines(p.sub(), id), "the kill fee is not accepted by position");
    assertKey("error.delivery.lineAccepted", () -> fulfilment.deliver(p.sub(), id, "再納品", List.of(), List.of(lower)));

    Delivery rest = fulfilment.deliver(p.sub(), id, "残り", List.of(), null);
    assertEquals(List.of(killFeeLine), rest.lineIds(), "everything left is exactly what is not accepted");
    fulfilment.accept(p.agency(), id);
    WorkOrder paid = orders.view(p.agency(), id);
    assertEquals(WorkOrderStatus.PAID, paid.getStatus());
    Ledger ledger = escrow.ledger(p.agency(), id);
    assertEquals(paid.totals().total(), ledger.released(), "released equals the amended total");
    assertEquals(0, ledger.held().amount().signum());
    assertInvariants(p, id);
  }

  @Test
  @Order(5)
  void endingWhileAnAmendmentAwaitsSignaturesSettlesByTheSignedVersion() {
    Parties p = orders.parties("株式会社署名待ち", "署名待ち 十八郎");
    long id = orders.signed(p, 30, "ロゴ").getId();
    funding.fund(p.agency(), id, "入金-1");
    fulfilment.start(p.sub(), id);
    ChangeRequest bigger =
        changes.propose(
            p.agency(),
            id,
            new ChangeProposal(
                "大きな追加",
                List.of(
                    ChangeProposal.ChangeEdit.addLine(
                        "動画", "MP4", "確認", BigDecimal.ONE, Unit.ITEM, new BigDecimal("500000")))));
    changes.accept(p.sub(), id, bigger.getId());
    assertTrue(orders.view(p.agency(), id).isAmendmentPending());

    Cancellations.Outcome ended = cancellations.cancel(p.agency(), id, "計画の中止");
    assertEquals(new BigDecimal("55000"), ended.paid().amount(), "the kill fee of the signed line only");
    assertEquals(new BigDecimal("55000"), ended.refunded().amount());
    assertEquals(
        jp.ishibashi.agreement.Agreement.State.VOID,
        agreementsOf(p, id).get(0).getState(),
        "the unsigned amendment ends with the order");
    assertInvariants(p, id);
  }

  @Test
  @Order(5)
  void aSignedChangeThatCancelsTheRestEndsTheOrderAndPaysItsKillFeeAsPriced() {
    Parties p = orders.parties("株式会社合意解約", "合意 十九郎");
    long id = orders.signed(p, 30, "ロゴ", "名刺").getId();
    funding.fund(p.agency(), id, "入金-1");
    fulfilment.deliver(p.sub(), id, "ロゴ", List.of(), List.of(lineId(p, id, 0)));
    fulfilment.accept(p.agency(), id);
    ChangeRequest cancel =
        changes.propose(
            p.agency(),
            id,
            new ChangeProposal("計画の中止", List.of(ChangeProposal.ChangeEdit.cancelRemaining())));
    changes.accept(p.sub(), id, cancel.getId());
    assertEquals(WorkOrderStatus.FUNDED, orders.view(p.agency(), id).getStatus(), "until both sign");
    orders.signPending(p, id);

    WorkOrder ended = orders.view(p.agency(), id);
    assertEquals(WorkOrderStatus.CANCELLED, ended.getStatus());
    assertEquals(jp.ishibashi.workorder.Ending.MUTUAL, ended.getEndedBy());
    Ledger ledger = escrow.ledger(p.agency(), id);
    // The accepted line stays paid (110,000); the other, in progress, gets its 50% kill fee with tax.
    assertEquals(new BigDecimal("165000"), ledger.released().amount());
    assertEquals(new BigDecimal("55000"), ledger.refunded().amount());
    assertInvariants(p, id);
  }

  @Test
  @Order(6)
  void racingRequestsEndInExactlyOneOutcome() {
    Parties p = orders.parties("株式会社競合", "競合 十五郎");
    // Two terminations of one funded, started order.
    long twice = orders.signed(p, 30, "ロゴ").getId();
    funding.fund(p.agency(), twice, "入金-1");
    fulfilment.start(p.sub(), twice);
    List<Race.Outcome<Cancellations.Outcome>> ends =
        Race.run(2, () -> cancellations.cancel(p.agency(), twice, "解除"));
    assertEquals(1, ends.stream().filter(Race.Outcome::succeeded).count(), ends.toString());
    assertInvariants(p, twice);

    // A delivery and a withdrawal of one funded order.
    long contested = orders.signed(p, 30, "ロゴ").getId();
    funding.fund(p.agency(), contested, "入金-2");
    java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
    List<Race.Outcome<Object>> mixed =
        Race.run(
            2,
            () ->
                turn.getAndIncrement() == 0
                    ? fulfilment.deliver(p.sub(), contested, "納品")
                    : cancellations.cancel(p.sub(), contested, "辞退"));
    assertEquals(1, mixed.stream().filter(Race.Outcome::succeeded).count(), mixed.toString());
    assertInvariants(p, contested);

    // Two deliveries of one order.
    long delivered = orders.signed(p, 30, "ロゴ").getId();
    funding.fund(p.agency(), delivered, "入金-3");
    List<Race.Outcome<Delivery>> deliveries =
        Race.run(2, () -> fulfilment.deliver(p.sub(), delivered, "納品"));
    assertEquals(1, deliveries.stream().filter(Race.Outcome::succeeded).count(), deliveries.toString());
    assertEquals(1, fulfilment.deliveries(p.agency(), delivered).size());
  }

  /**
   * A smaller number of random lifecycles than the pure property test, through the real services
   * and database: every step, allowed or refused, keeps the money invariants.
   */
  @Test
  @Order(7)
  void randomLifecyclesThroughTheServicesKeepTheMoneyInvariants() {
    Parties p = orders.parties("株式会社ランダム", "乱数 十六郎");
    java.util.Random random = new java.util.Random(20261204L);
    int refused = 0;
    for (int sequence = 0; sequence < 8; sequence++) {
      long id = orders.signed(p, 30, "A", "B", "C").getId();
      for (int step = 0; step < 14; step++) {
        int pick = random.nextInt(10);
        try {
          randomStep(p, id, pick, random);
        } catch (DomainException e) {
          refused++;
        }
        assertInvariants(p, id);
      }
    }
    assertTrue(refused > 5, "refused steps tried: " + refused);
  }

  private void randomStep(Parties p, long id, int pick, java.util.Random random) {
    WorkOrder order = orders.view(p.agency(), id);
    List<jp.ishibashi.workorder.ScopeLine> lines = order.countedLines();
    Actor either = random.nextBoolean() ? p.agency() : p.sub();
    switch (pick) {
      case 0 -> funding.fund(either, id, "入金-" + random.nextInt());
      case 1 -> fulfilment.start(either, id);
      case 2 ->
          fulfilment.deliver(
              p.sub(),
              id,
              "納品",
              List.of(),
              random.nextBoolean() || lines.isEmpty()
                  ? null
                  : List.of(lines.get(random.nextInt(lines.size())).getId()));
      case 3, 4 -> fulfilment.accept(either, id);
      case 5 -> {
        List<Delivery> open = fulfilment.deliveries(p.agency(), id);
        fulfilment.reject(
            p.agency(), id, "差し戻し", open.isEmpty() ? List.of() : open.get(0).lineIds());
      }
      case 6 -> {
        ChangeRequest r =
            changes.propose(
                either,
                id,
                new ChangeProposal(
                    "追加",
                    List.of(
                        ChangeProposal.ChangeEdit.addLine(
                            "追加", "成果物", "基準", BigDecimal.ONE, Unit.ITEM, new BigDecimal("30000")))));
        changes.accept(either == p.agency() ? p.sub() : p.agency(), id, r.getId());
        orders.signPending(p, id);
        funding.fundExtra(p.agency(), id, "追加入金-" + random.nextInt());
      }
      case 7 -> {
        if (lines.isEmpty()) {
          return;
        }
        ChangeRequest r =
            changes.propose(
                either,
                id,
                new ChangeProposal(
                    "削除", List.of(ChangeProposal.ChangeEdit.removeLine(1 + random.nextInt(lines.size())))));
        changes.accept(either == p.agency() ? p.sub() : p.agency(), id, r.getId());
        orders.signPending(p, id);
      }
      default -> cancellations.cancel(either, id, "終了");
    }
  }

  /**
   * The money invariants of DESIGN ("The agreement binds"), read back from the database: the same
   * check the services make after every money step, here after refused steps too.
   */
  private void assertInvariants(Parties p, long id) {
    WorkOrder order = orders.view(p.agency(), id);
    assertEquals(List.of(), settlements.brokenInvariants(p.agency(), order), order.getNumber());
  }

  @Test
  @Order(103)
  void afterAnUnansweredDemandTheAgencyEndsTheOrderWithoutAKillFee() {
    Parties p = orders.parties("株式会社催告", "催告 十七郎");
    long id = orders.signed(p, 30, "記事", "写真").getId();
    funding.fund(p.agency(), id, "入金-1");
    fulfilment.start(p.sub(), id);
    assertKey("error.demand.tooEarly", () -> cancellations.demand(p.agency(), id, null));
    assertKey("error.delivery.agencyOnly", () -> cancellations.demand(p.sub(), id, null));

    clock.advance(Duration.ofDays(38));
    WorkOrder demanded = cancellations.demand(p.agency(), id, "至急ご対応ください");
    assertEquals(clock.today().plusDays(7), demanded.getDemandDeadline());
    assertTrue(
        messages.evidence(p.sub(), id).stream()
            .anyMatch(m -> m.isDemand() && m.getBody().contains("催告") && m.getBody().contains("至急")),
        "the demand is in the order's thread, kept as evidence");
    assertTrue(
        notifications.inbox(p.sub(), 0, 50).stream()
            .anyMatch(n -> n.getKind() == jp.ishibashi.notification.NotificationKind.PERFORMANCE_DEMANDED),
        "the subcontractor is told of the demand");
    assertKey("error.demand.pending", () -> cancellations.demand(p.agency(), id, null));
    assertKey("error.demand.deadlineRuns", () -> cancellations.endForNonPerformance(p.agency(), id, "不履行"));

    clock.advance(Duration.ofDays(8));
    Cancellations.Outcome ended = cancellations.endForNonPerformance(p.agency(), id, "期限までに納品がないため");
    assertEquals(jp.ishibashi.workorder.Ending.NON_PERFORMANCE, ended.how());
    assertEquals(0, ended.paid().amount().signum(), "no kill fee");
    assertEquals(new BigDecimal("220000"), ended.refunded().amount());
    assertInvariants(p, id);
  }

  private long deliveredOrder(Parties p) {
    long id = orders.signed(p, 30, "記事").getId();
    funding.fund(p.agency(), id, "入金-" + id);
    fulfilment.deliver(p.sub(), id, "納品します");
    return id;
  }

  private List<jp.ishibashi.agreement.Agreement> agreementsOf(Parties p, long orderId) {
    return agreements.ofOrder(p.agency(), orderId);
  }

  private long lineId(Parties p, long orderId, int index) {
    return orders.view(p.agency(), orderId).countedLines().get(index).getId();
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
