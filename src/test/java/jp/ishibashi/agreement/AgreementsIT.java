package jp.ishibashi.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import jp.ishibashi.ApiClient;
import jp.ishibashi.ApiClient.Reply;
import jp.ishibashi.Deployments;
import jp.ishibashi.Poppler;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.TestOrders;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.demo.DemoData;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed agreements inside Payara Micro: freezing, signing, voiding and every refusal through the
 * {@link Agreements} service; then, as a client, the REST flow to two signed PDFs that poppler's
 * {@code pdfsig} reports valid, the downloads' isolation, and the public verification.
 */
@ExtendWith(ArquillianExtension.class)
class AgreementsIT {

  private static final String PASSWORD = TestAgencies.PASSWORD;
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String SAKURA = "株式会社さくらデザイン";

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject Agreements agreements;
  @Inject Verifications verifications;
  @Inject jp.ishibashi.tenant.Tenancy tenancy;
  @Inject WorkOrders workOrders;
  @Inject TestAgencies agencies;
  @Inject TestOrders orders;
  @Inject AuditTrail audit;
  @Inject PortalClock clock;
  @Inject UserTransaction tx;

  @ArquillianResource URL base;

  // ---------------------------------------------------------------------------------------------
  // In-container: the service

  @Test
  void anAgreedOrderIsFrozenAndSignedByBothPartiesInEitherOrder() {
    Actor agency = agencies.newAgency("株式会社署名テスト");
    UserAccount sub = orders.join(agency, "署名 花子");
    Actor subActor = TestOrders.subcontractor(sub, agency);
    WorkOrder order = agreedOrder(agency, sub, "トップページのデザイン", "下層ページ 5 枚");

    Agreement frozen = only(agreements.ofOrder(agency, order.getId()));
    assertEquals(Agreement.State.AWAITING_SIGNATURES, frozen.getState());
    assertEquals(1, frozen.getVersionNumber());
    assertEquals(
        AgreementContent.parse(frozen.getCanonicalContent()).hash(), frozen.getContentHash());
    assertEquals(
        List.of("トップページのデザイン", "下層ページ 5 枚"),
        frozen.content().lines().stream().map(AgreementContent.Line::text).toList());
    assertEquals("署名 花子", frozen.content().subcontractor().name());

    // The subcontractor signs first: both orders are allowed.
    Agreement afterOne =
        agreements.sign(subActor, order.getId(), frozen.getId(), frozen.getContentHash(), PASSWORD, Locale.JAPANESE);
    assertEquals(Agreement.State.AWAITING_SIGNATURES, afterOne.getState());
    AgreementSignature first = afterOne.signatureOf(jp.ishibashi.workorder.Party.SUBCONTRACTOR).orElseThrow();
    assertEquals(frozen.getContentHash(), first.getContentHash());
    assertEquals(
        AgreementContent.sha256(ConsentText.of(Locale.JAPANESE, frozen, jp.ishibashi.workorder.Party.SUBCONTRACTOR, "署名 花子")),
        first.getConsentHash());
    assertEquals(WorkOrderStatus.AGREED, workOrders.view(agency, order.getId()).order().getStatus());

    Agreement signed =
        agreements.sign(agency, order.getId(), frozen.getId(), frozen.getContentHash(), PASSWORD, Locale.ENGLISH);
    assertEquals(Agreement.State.SIGNED, signed.getState());
    assertEquals(WorkOrderStatus.SIGNED, workOrders.view(subActor, order.getId()).order().getStatus());
    SignedPdf pdf = agreements.document(subActor, order.getId(), 1);
    assertEquals("%PDF-", new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII));
    assertTrue(java.util.Arrays.equals(pdf.bytes(), agreements.document(agency, order.getId(), 1).bytes()));
    List<String> actions = actions(agency, order.getId());
    assertEquals(
        List.of("AGREEMENT_FROZEN", "AGREEMENT_SIGNED", "AGREEMENT_SIGNED", "AGREEMENT_SEALED"),
        actions.subList(actions.size() - 4, actions.size()));

    // A signed order is closed: only change requests may alter it.
    DomainException closed =
        assertThrows(
            DomainException.class,
            () -> workOrders.addLine(agency, order.getId(), line("追加", "1000")));
    assertEquals("error.workOrder.signed", closed.key());
  }

  @Test
  void aChangeAfterOneSignatureVoidsItAndBothMustSignTheNewVersion() {
    Actor agency = agencies.newAgency("株式会社無効テスト");
    UserAccount sub = orders.join(agency, "無効 次郎");
    Actor subActor = TestOrders.subcontractor(sub, agency);
    WorkOrder order = agreedOrder(agency, sub, "ロゴ制作");
    Agreement first = only(agreements.ofOrder(agency, order.getId()));
    agreements.sign(agency, order.getId(), first.getId(), first.getContentHash(), PASSWORD, Locale.JAPANESE);

    // The agency changes the price of the line: the order reopens and the signature is void.
    ScopeLine line = workOrders.view(agency, order.getId()).order().getLines().get(0);
    workOrders.editLine(agency, order.getId(), line.getId(), line.getVersion(), line("ロゴ制作", "80000"));
    Agreement voided = only(agreements.ofOrder(agency, order.getId()));
    assertEquals(Agreement.State.VOID, voided.getState());
    assertEquals(1, voided.getSignatures().size());
    assertTrue(voided.getSignatures().stream().allMatch(s -> s.getVoidedAt() != null));
    assertTrue(actions(agency, order.getId()).contains("AGREEMENT_VOIDED"));

    ScopeLine edited = workOrders.view(subActor, order.getId()).order().getLines().get(0);
    workOrders.acceptLine(subActor, order.getId(), edited.getId(), edited.getVersion());
    List<Agreement> versions = agreements.ofOrder(agency, order.getId());
    assertEquals(2, versions.size());
    Agreement current = versions.get(0);
    assertEquals(Agreement.State.AWAITING_SIGNATURES, current.getState());
    assertTrue(!current.getContentHash().equals(first.getContentHash()));
    assertTrue(current.getSignatures().isEmpty());

    // The subcontractor tries to sign what it saw before the change.
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> agreements.sign(subActor, order.getId(), first.getId(), first.getContentHash(), PASSWORD, Locale.JAPANESE));
    assertEquals("error.agreement.voided", refused.key());
    DomainException stale =
        assertThrows(
            DomainException.class,
            () -> agreements.sign(subActor, order.getId(), current.getId(), first.getContentHash(), PASSWORD, Locale.JAPANESE));
    assertEquals("error.agreement.contentChanged", stale.key());
    assertTrue(agreements.ofOrder(agency, order.getId()).get(0).getSignatures().isEmpty());
    assertTrue(actions(agency, order.getId()).contains("SIGNATURE_REFUSED"));

    agreements.sign(subActor, order.getId(), current.getId(), current.getContentHash(), PASSWORD, Locale.JAPANESE);
    Agreement done = agreements.sign(agency, order.getId(), current.getId(), current.getContentHash(), PASSWORD, Locale.JAPANESE);
    assertEquals(Agreement.State.SIGNED, done.getState());
    assertEquals(1, done.getVersionNumber(), "a voided version is not a version of the agreement");
  }

  @Test
  void badSigningAttemptsChangeNothingAndAreAudited() {
    Actor agency = agencies.newAgency("株式会社拒否テスト");
    UserAccount sub = orders.join(agency, "拒否 三郎");
    UserAccount bystander = orders.join(agency, "無関係 四郎");
    Actor other = agencies.newAgency("株式会社よそ");
    Actor subActor = TestOrders.subcontractor(sub, agency);
    WorkOrder order = agreedOrder(agency, sub, "バナー制作");
    Agreement a = only(agreements.ofOrder(agency, order.getId()));
    long orderId = order.getId();

    DomainException wrong =
        assertThrows(
            DomainException.class,
            () -> agreements.sign(subActor, orderId, a.getId(), a.getContentHash(), "not-the-password", Locale.JAPANESE));
    assertEquals("error.signing.password", wrong.key());
    assertTrue(only(agreements.ofOrder(agency, orderId)).getSignatures().isEmpty());

    agreements.sign(subActor, orderId, a.getId(), a.getContentHash(), PASSWORD, Locale.JAPANESE);
    DomainException twice =
        assertThrows(
            DomainException.class,
            () -> agreements.sign(subActor, orderId, a.getId(), a.getContentHash(), PASSWORD, Locale.JAPANESE));
    assertEquals("error.agreement.signedTwice", twice.key());

    for (Actor stranger : List.of(TestOrders.subcontractor(bystander, agency), other)) {
      assertThrows(
          NotFoundException.class,
          () -> agreements.sign(stranger, orderId, a.getId(), a.getContentHash(), PASSWORD, Locale.JAPANESE));
      assertThrows(NotFoundException.class, () -> agreements.ofOrder(stranger, orderId));
      assertThrows(NotFoundException.class, () -> agreements.document(stranger, orderId, 1));
    }
    assertThrows(
        NotFoundException.class,
        () -> agreements.sign(agency, orderId, a.getId() + 100_000, a.getContentHash(), PASSWORD, Locale.JAPANESE));

    Agreement after = only(agreements.ofOrder(agency, orderId));
    assertEquals(1, after.getSignatures().size());
    assertEquals(Agreement.State.AWAITING_SIGNATURES, after.getState());
    List<AuditEvent> refusals =
        events(agency, orderId).stream().filter(e -> e.getAction().equals("SIGNATURE_REFUSED")).toList();
    for (String key : List.of("error.signing.password", "error.agreement.signedTwice", "error.notFound")) {
      assertTrue(refusals.stream().anyMatch(e -> e.getDetails().contains(key)), key + " in " + refusals);
    }
    assertTrue(actions(TestOrders.subcontractor(bystander, agency), orderId).contains("SIGNATURE_REFUSED"));
    assertTrue(actions(other, orderId).contains("SIGNATURE_REFUSED"));
  }

  @Test
  void everyVerificationIsLoggedWithoutTheFile() {
    byte[] text = ("not a pdf " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    assertEquals(Verdict.Outcome.NOT_PDF, verifications.verify(text).outcome());
    List<PdfVerification> logged =
        inTransaction(
            () ->
                tenancy
                    .global()
                    .createQuery("select v from PdfVerification v where v.sha256 = :sha", PdfVerification.class)
                    .setParameter("sha", AgreementContent.sha256(text))
                    .getResultList());
    assertEquals(1, logged.size());
    assertEquals(Verdict.Outcome.NOT_PDF, logged.get(0).getOutcome());
    assertEquals(text.length, logged.get(0).getByteCount());
  }

  // ---------------------------------------------------------------------------------------------
  // As a client: REST, the signed PDF, downloads and verification

  @Test
  @RunAsClient
  void bothSignOverRestAndTheStoredPdfCarriesTwoValidSignatures() {
    ApiClient agency = new ApiClient(base).signIn("admin@sakura.example", DemoData.PASSWORD);
    ApiClient tanaka = new ApiClient(base).signIn("tanaka@freelance.example", DemoData.PASSWORD);
    long orderId = agreedOverRest(agency, tanaka, "田中 美咲", List.of("トップページのデザイン", "お問い合わせフォームの実装"));

    JsonObject version = agency.get(agreementsPath(orderId)).array().getJsonObject(0);
    assertThat(version.getString("state")).isEqualTo("AWAITING_SIGNATURES");
    String hash = version.getString("contentHash");
    long agreementId = version.getJsonNumber("id").longValue();
    assertThat(AgreementContent.sha256(version.getString("canonicalContent"))).isEqualTo(hash);
    JsonObject consent = ok(tanaka.language("ja").get(agreementsPath(orderId) + "/" + agreementId + "/consent"));
    assertThat(consent.getString("text")).contains(hash).contains("田中 美咲");

    Reply wrongPassword = tanaka.post(signPath(orderId, agreementId), signBody(hash, "wrong-password-1"));
    assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(400);
    assertThat(wrongPassword.json().getString("key")).isEqualTo("error.signing.password");

    ok(agency.post(signPath(orderId, agreementId), signBody(hash, DemoData.PASSWORD)));
    JsonObject signed = ok(tanaka.post(signPath(orderId, agreementId), signBody(hash, DemoData.PASSWORD)));
    assertThat(signed.getString("state")).isEqualTo("SIGNED");
    assertThat(signed.getJsonArray("signatures")).hasSize(2);
    Reply twice = tanaka.post(signPath(orderId, agreementId), signBody(hash, DemoData.PASSWORD));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().getString("key")).isEqualTo("error.agreement.alreadySigned");

    HttpResponse<byte[]> download = tanaka.getBytes(agreementsPath(orderId) + "/1/pdf");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"WO-")
        .contains("filename*=UTF-8''WO-")
        .contains("%E3%82%A6%E3%82%A7%E3%83%96"); // ウェブ, from the title
    byte[] pdf = download.body();
    assertThat(agency.getBytes(agreementsPath(orderId) + "/1/pdf").body()).isEqualTo(pdf);

    String pdfsig = Poppler.pdfsig(pdf);
    assertThat(pdfsig.split("Signature #", -1)).as(pdfsig).hasSize(3);
    assertThat(Poppler.validSignatures(pdf)).as(pdfsig).isEqualTo(2);
    assertThat(pdfsig).contains("田中 美咲").contains(SAKURA);
    assertThat(Poppler.pdftotext(pdf).replaceAll("\\s", ""))
        .contains("トップページのデザイン")
        .contains("お問い合わせフォームの実装");

    // The parties only: another agency's admin, its subcontractor, and a subcontractor of the same
    // agency who is not on this order all get 404, as does a version that does not exist.
    ApiClient aoba = new ApiClient(base).signIn("admin@aoba.example", DemoData.PASSWORD);
    ApiClient ito = new ApiClient(base).signIn("ito@freelance.example", DemoData.PASSWORD);
    ApiClient yamada = inAgency(new ApiClient(base).signIn("yamada@freelance.example", DemoData.PASSWORD), SAKURA);
    for (ApiClient stranger : List.of(aoba, ito, yamada)) {
      assertThat(stranger.getBytes(agreementsPath(orderId) + "/1/pdf").statusCode()).isEqualTo(404);
      assertThat(stranger.get(agreementsPath(orderId)).status()).isEqualTo(404);
      assertThat(stranger.post(signPath(orderId, agreementId), signBody(hash, DemoData.PASSWORD)).status()).isEqualTo(404);
    }
    assertThat(tanaka.getBytes(agreementsPath(orderId) + "/2/pdf").statusCode()).isEqualTo(404);
    assertThat(new ApiClient(base).getBytes(agreementsPath(orderId) + "/1/pdf").statusCode()).isEqualTo(401);

    // Public verification of that very file, and of altered copies.
    ApiClient anyone = new ApiClient(base).language("en");
    JsonObject genuine = verify(anyone, pdf);
    assertThat(genuine.getString("outcome")).isEqualTo("GENUINE");
    assertThat(genuine.getInt("version")).isEqualTo(1);
    assertThat(genuine.getJsonArray("signers")).hasSize(2);

    byte[] flipped = pdf.clone();
    int at = indexOf(pdf, "stream\n".getBytes(StandardCharsets.US_ASCII)) + 40;
    flipped[at] ^= 0x01;
    assertThat(verify(anyone, flipped).getString("outcome")).isEqualTo("ALTERED");

    byte[] appended = append(pdf, "\n% appended after signing\n".getBytes(StandardCharsets.US_ASCII));
    JsonObject afterSigning = verify(anyone, appended);
    assertThat(afterSigning.getString("outcome")).isEqualTo("ALTERED");
    assertThat(afterSigning.getString("reason")).contains("appended");
  }

  @Test
  @RunAsClient
  void theVerifyApiRefusesWhatIsNotAPdf() {
    ApiClient anyone = new ApiClient(base).language("en");
    HttpResponse<byte[]> text =
        anyone.sendBytes("POST", "verifications", "application/pdf", "just some text".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("verify.outcome.NOT_PDF");

    // Bodies over the limit: VerificationsIT.

    JsonObject other = verify(anyone, minimalPdf());
    assertThat(other.getString("outcome")).isEqualTo("NOT_OURS");

    Reply ca = anyone.get("ca-certificate");
    assertThat(ca.status()).isEqualTo(200);
    assertThat(ca.body()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static LineInput line(String text, String price) {
    return new LineInput(text, "成果物", "検収基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal(price));
  }

  /** An order sent to the subcontractor and accepted line by line: AGREED. */
  private WorkOrder agreedOrder(Actor agency, UserAccount sub, String... lineTexts) {
    LocalDate today = LocalDate.ofInstant(clock.now(), TOKYO);
    Terms terms =
        new Terms("ウェブサイト制作", "説明", sub.getId(), "ja", "JPY", today, null, today.plusDays(30),
            "メールで納品", 7, today.plusDays(60), "銀行振込");
    WorkOrder order = workOrders.create(agency, terms);
    long id = order.getId();
    for (String text : lineTexts) {
      workOrders.addLine(agency, id, line(text, "50000"));
    }
    workOrders.send(agency, id, workOrders.view(agency, id).order().getVersion());
    Actor subActor = TestOrders.subcontractor(sub, agency);
    workOrders.acceptTerms(subActor, id, workOrders.view(subActor, id).order().getVersion());
    for (ScopeLine l : workOrders.view(subActor, id).order().getLines()) {
      workOrders.acceptLine(subActor, id, l.getId(), l.getVersion());
    }
    WorkOrder agreed = workOrders.view(agency, id).order();
    assertEquals(WorkOrderStatus.AGREED, agreed.getStatus());
    return agreed;
  }

  private static <T> T only(List<T> items) {
    assertEquals(1, items.size(), items.toString());
    return items.get(0);
  }

  private List<String> actions(Actor actor, long orderId) {
    return events(actor, orderId).stream().map(AuditEvent::getAction).toList();
  }

  private List<AuditEvent> events(Actor actor, long orderId) {
    return inTransaction(() -> audit.about(actor, Agreements.SUBJECT, orderId));
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

  private static long agreedOverRest(ApiClient agency, ApiClient sub, String subName, List<String> lines) {
    long subId =
        agency.get("subcontractors").array().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("name").equals(subName))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    LocalDate today = LocalDate.now(TOKYO);
    Reply created =
        agency.post(
            "work-orders",
            ApiClient.object(
                "title", "ウェブサイト制作", "description", "コーポレートサイト", "subcontractorId", subId,
                "language", "ja", "currency", "JPY", "commissionedOn", today,
                "deliveryDate", today.plusDays(30), "placeOfDelivery", "メールで納品", "reviewDays", 7,
                "paymentDueDate", today.plusDays(60), "paymentMethod", "銀行振込"));
    long id = ok(created).getJsonNumber("id").longValue();
    for (String text : lines) {
      Reply added =
          agency.post(
              "work-orders/" + id + "/lines",
              ApiClient.object("text", text, "deliverable", "デザインデータ", "acceptanceCriteria", "レビューで合意",
                  "quantity", "1", "unit", "PAGE", "unitPrice", "120000"));
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }
    JsonObject order = ok(agency.get("work-orders/" + id));
    order = ok(agency.post("work-orders/" + id + "/send", ApiClient.object("version", order.getJsonNumber("version").longValue())));
    order = ok(sub.post("work-orders/" + id + "/terms/accept", ApiClient.object("version", order.getJsonNumber("version").longValue())));
    for (JsonObject l : order.getJsonArray("lines").getValuesAs(JsonObject.class)) {
      ok(sub.post(
          "work-orders/" + id + "/lines/" + l.getJsonNumber("id").longValue() + "/accept",
          ApiClient.object("version", l.getJsonNumber("version").longValue())));
    }
    assertThat(ok(sub.get("work-orders/" + id)).getString("status")).isEqualTo("AGREED");
    return id;
  }

  private static ApiClient inAgency(ApiClient client, String agencyName) {
    long tenantId =
        ok(client.get("session")).getJsonArray("agencies").getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("name").equals(agencyName))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("tenantId")
            .longValue();
    ok(client.put("session/agency", ApiClient.object("tenantId", tenantId)));
    return client;
  }

  private static String agreementsPath(long orderId) {
    return "work-orders/" + orderId + "/agreements";
  }

  private static String signPath(long orderId, long agreementId) {
    return agreementsPath(orderId) + "/" + agreementId + "/signatures";
  }

  private static String signBody(String hash, String password) {
    return ApiClient.object("contentHash", hash, "password", password);
  }

  private static JsonObject ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    return reply.json();
  }

  private static JsonObject verify(ApiClient client, byte[] pdf) {
    HttpResponse<byte[]> reply = client.sendBytes("POST", "verifications", "application/pdf", pdf);
    String body = new String(reply.body(), StandardCharsets.UTF_8);
    assertThat(reply.statusCode()).as(body).isEqualTo(200);
    return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static byte[] append(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A small PDF that the portal did not make. */
  private static byte[] minimalPdf() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    com.lowagie.text.Document document = new com.lowagie.text.Document();
    com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
    document.open();
    document.add(new com.lowagie.text.Paragraph("Some other contract"));
    document.close();
    return out.toByteArray();
  }
}
