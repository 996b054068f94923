package jp.ishibashi.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import jakarta.json.JsonObject;
import jp.ishibashi.ApiClient;
import jp.ishibashi.BrowserTest;
import jp.ishibashi.Deployments;
import jp.ishibashi.Poppler;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The work order pages in a real browser: the agency writes and sends an order, the
 * subcontractor negotiates it line by line, both sides see it agreed and sign it, and the signed
 * PDF downloads and verifies on the public page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkOrderPagesIT extends BrowserTest {

  private static final String AGENCY = "admin@sakura.example";
  private static final String SUBCONTRACTOR = "tanaka@freelance.example";


  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  /** Every test of a run shares one portal, so the clock goes back to the real time. */
  @AfterEach
  void realTimeAgain() {
    var reset = new ApiClient(base).delete("test/clock");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  /** Writes a new order's terms in the editor and returns to its page. */
  private static void createOrder(String title) {
    browser.open("agency/work-order-edit.xhtml").type("terms:title", title);
    new Select(browser.find("terms:subcontractor")).selectByVisibleText("田中 美咲");
    browser
        .setValue("terms:deliveryDate_input", today().plusDays(30).toString())
        .setValue("terms:paymentDueDate_input", today().plusDays(60).toString())
        .type("terms:placeOfDelivery", "Google ドライブの共有フォルダ")
        .type("terms:paymentMethod", "銀行振込（振込手数料は発注者負担）")
        .click("terms:save");
  }

  private static void addLine(String text, String deliverable, String quantity, String price) {
    browser
        .type("newLine:text", text)
        .type("newLine:deliverable", deliverable)
        .type("newLine:acceptanceCriteria", "レビューで指摘がないこと")
        .type("newLine:quantity", quantity)
        .type("newLine:unitPrice", price)
        .click("newLine:add");
  }

  private static String lineState(int row) {
    return browser
        .driver()
        .findElement(By.xpath("//div[@id='lines:table']//tbody/tr[" + (row + 1) + "]/td[6]"))
        .getText();
  }

  @Test
  void anOrderIsNegotiatedUntilAgreedThenSignedByBothAndItsPdfDownloadsAndVerifies()
      throws Exception {
    String title = "ランディングページ制作 " + UUID.randomUUID().toString().substring(0, 4);
    browser.signIn(AGENCY, DemoData.PASSWORD);
    createOrder(title);
    assertThat(browser.heading()).contains(title).contains("WO-");
    String orderUrl = browser.url();

    addLine("デザインカンプ作成", "デザインカンプ（PDF）", "2", "50000");
    addLine("HTML/CSS コーディング", "ソースコード一式", "2", "80000");
    addLine("<b>ブラウザ</b>テスト", "テスト結果報告書", "1", "30000");
    assertThat(browser.text("totals")).contains("290,000").contains("29,000").contains("319,000");
    assertThat(browser.text("lines:table")).contains("<b>ブラウザ</b>テスト");

    browser.click("actions:send");
    assertThat(browser.text("status")).contains("交渉中");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    assertThat(browser.text("orders:table")).contains(title).contains("回答待ち");
    browser.driver().get(orderUrl);
    browser.click("actions:acceptTerms");
    browser.click("lines:table:0:accept");
    browser.click("lines:table:2:accept");

    counterQuantity(1, "3");
    assertThat(lineState(1)).contains("提案中").contains("受注者の提案");
    assertThat(browser.text("status")).contains("交渉中");
    browser.signOut();

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.driver().get(orderUrl);
    assertThat(lineState(1)).contains("回答待ち");
    assertThat(browser.text("history")).contains("修正提案").contains("数量").contains("2 → 3");
    browser.click("lines:table:1:accept");
    assertThat(browser.text("status")).contains("合意済み");
    assertThat(browser.text("totals")).contains("370,000");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.driver().get(orderUrl);
    assertThat(browser.text("status")).contains("合意済み");

    // Both sign: first the subcontractor, after a wrong password, then the agency.
    assertThat(browser.text("agreements")).contains("署名待ち").contains("未署名");
    browser.click("signLink");
    assertThat(browser.text("consent")).contains("田中 美咲").contains(browser.text("contentHash"));
    browser.type("signForm:password", "wrong-password-123").click("signForm:sign");
    assertThat(browser.text("signForm")).contains("パスワードが正しくありません");
    browser.type("signForm:password", DemoData.PASSWORD).click("signForm:sign");
    assertThat(browser.text("messages")).contains("相手方が署名すると");
    assertThat(browser.text("agreements")).contains("田中 美咲 が");
    browser.signOut();

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.driver().get(orderUrl);
    browser.click("signLink");
    browser.type("signForm:password", DemoData.PASSWORD).click("signForm:sign");
    assertThat(browser.text("messages")).contains("双方の署名が完了しました");
    assertThat(browser.text("status")).contains("締結済み");
    HttpResponse<byte[]> pdf = browser.download("download");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(Poppler.validSignatures(pdf.body())).isEqualTo(2);
    browser.signOut();

    // Anyone may check the file on the public verify page.
    Path file = Files.createTempFile("agreement", ".pdf");
    Files.write(file, pdf.body());
    browser.open("verify.xhtml");
    browser.find("verifyForm:file").sendKeys(file.toString());
    browser.click("verifyForm:verify");
    assertThat(browser.text("verdict")).contains("本物です").contains("WO-").contains("田中 美咲");

    Path text = Files.createTempFile("not-a-pdf", ".txt");
    Files.writeString(text, "これはPDFではありません");
    browser.find("verifyForm:file").sendKeys(text.toString());
    browser.click("verifyForm:verify");
    assertThat(browser.text("verdict")).contains("PDFではありません");

    Path big = largePdf(50);
    browser.find("verifyForm:file").sendKeys(big.toString());
    assertThat(browser.text("verifyForm")).contains("20 MB を超えています");
    // The form is not sent (the server would refuse it unread): the note stays beside the field
    // and the verdict is still the last one.
    browser.clickInPlace("verifyForm:verify");
    assertThat(browser.text("verifyForm")).contains("20 MB を超えています");
    assertThat(browser.text("verdict")).contains("PDFではありません");
    Files.delete(big);
  }

  /** A temporary file of the given megabytes that starts like a PDF. */
  private static Path largePdf(int megabytes) throws java.io.IOException {
    Path file = Files.createTempFile("large", ".pdf");
    try (var out = Files.newOutputStream(file)) {
      out.write("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(new byte[megabytes * 1024 * 1024]);
    }
    return file;
  }

  /** Edits a line in place, as the row editor does: pencil, new quantity, check. */
  private static void counterQuantity(int row, String quantity) {
    WebElement tr =
        browser.driver().findElement(By.xpath("//div[@id='lines:table']//tbody/tr[" + (row + 1) + "]"));
    tr.findElement(By.cssSelector(".ui-row-editor-pencil")).click();
    browser.type("lines:table:" + row + ":quantity", quantity);
    WebElement check = tr.findElement(By.cssSelector(".ui-row-editor-check"));
    WebElement html = browser.driver().findElement(By.tagName("html"));
    check.click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
        .until(d -> {
          try {
            html.isEnabled();
            return false;
          } catch (org.openqa.selenium.WebDriverException gone) {
            return true;
          }
        });
    browser.find("lines:table");
  }

  @Test
  void sendingIsRefusedWithTheListOfMissingTerms() {
    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open("agency/work-order-edit.xhtml").type("terms:title", "条件不足の発注書");
    browser.click("terms:save");

    assertThat(browser.text("missing"))
        .contains("受注者")
        .contains("納期")
        .contains("作業項目")
        .contains("支払期日");
    browser.click("actions:send");
    assertThat(browser.text("messages")).contains("まだ送付できません");
    assertThat(browser.text("status")).contains("下書き");
  }

  @Test
  void badInputIsExplainedAtTheFieldAndNothingIsSaved() {
    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open("agency/work-order-edit.xhtml").type("terms:title", "入力検証");
    browser
        .setValue("terms:deliveryDate_input", today().plusDays(10).toString())
        .setValue("terms:paymentDueDate_input", today().plusDays(80).toString())
        .click("terms:save");
    assertThat(browser.pageText()).contains("60日以内");
    assertThat(browser.url()).contains("work-order-edit");

    browser.setValue("terms:paymentDueDate_input", today().plusDays(40).toString()).click("terms:save");
    assertThat(browser.heading()).contains("入力検証");

    addLine("数量ゼロ", "成果物", "0", "1000");
    assertThat(browser.text("newLine")).contains("数量は0より大きく");
    addLine("小数の円", "成果物", "1", "100.5");
    assertThat(browser.text("newLine")).contains("小数点以下0桁まで");
    assertThat(browser.text("lines:table")).contains("作業項目はまだありません");
  }

  /**
   * The seed's story: a big change two days before delivery at the same date. The agency sees the
   * rush surcharge, the subcontractor counters with the extension, the agency accepts, both sign
   * the amendment, and version 2's PDF carries two valid signatures.
   */
  @Test
  void aLateChangeIsSurchargedCounteredWithTheExtensionAcceptedAndReSigned() {
    ApiClient agencyApi = new ApiClient(base).signIn(AGENCY, DemoData.PASSWORD);
    ApiClient subApi = new ApiClient(base).signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    long orderId = signedOverApi(agencyApi, subApi, 2);
    String orderPage = "orders/work-order.xhtml?id=" + orderId;

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open(orderPage);
    browser.click("proposeChange");
    browser.type("change:reason", "採用ページを追加したい");
    browser.click("change:addButtons:0:add");
    browser
        .type("change:editRows:0:text", "採用ページ")
        .type("change:editRows:0:quantity", "1")
        .type("change:editRows:0:unitPrice", "300000");
    browser.click("change:preview");
    assertThat(browser.text("withSurcharge")).contains("特急料金 +100%").contains("300,000");
    assertThat(browser.text("extension")).contains("特急料金なし");
    browser.click("change:send");
    assertThat(browser.text("state")).contains("回答待ち");
    String firstRequest = browser.url();
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.driver().get(firstRequest);
    browser.click("answer:counterExtension");
    assertThat(browser.text("messages")).contains("対案を送りました");
    assertThat(browser.pageText()).doesNotContain("特急料金 +100%");
    String counter = browser.url();
    browser.signOut();

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.driver().get(counter);
    browser.find("answer:accept").click();
    WebElement html = browser.driver().findElement(By.tagName("html"));
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector(".ui-confirmdialog-yes")).isDisplayed());
    browser.driver().findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
        .until(d -> {
          try {
            html.isEnabled();
            return false;
          } catch (org.openqa.selenium.WebDriverException gone) {
            return true;
          }
        });
    assertThat(browser.text("messages")).contains("変更を承諾しました");
    assertThat(browser.text("redline")).contains("採用ページ").contains("追加");
    browser.click("signLink");
    browser.type("signForm:password", DemoData.PASSWORD).click("signForm:sign");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.open(orderPage);
    browser.click("signLink");
    browser.type("signForm:password", DemoData.PASSWORD).click("signForm:sign");
    assertThat(browser.text("messages")).contains("双方の署名が完了しました");
    assertThat(browser.text("download")).contains("2");
    HttpResponse<byte[]> pdf = browser.download("download");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(Poppler.validSignatures(pdf.body())).isEqualTo(2);
    assertThat(Poppler.pdftotext(pdf.body()).replaceAll("\\s", "")).contains("採用ページ");
  }

  /**
   * The buttons follow the order's lifecycle table for each side and state: after signing nobody
   * sees an edit; only the agency funds; once funded only the subcontractor starts and delivers;
   * each side is offered its own way of ending the order; the terms editor shows why it is closed.
   */
  @Test
  void theButtonsFollowTheAllowedActionsOfEachSideAndState() {
    ApiClient agencyApi = new ApiClient(base).signIn(AGENCY, DemoData.PASSWORD);
    ApiClient subApi = new ApiClient(base).signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    long orderId = signedOverApi(agencyApi, subApi, 20);
    String orderPage = "orders/work-order.xhtml?id=" + orderId;
    assertThat(agencyApi.get("work-orders/" + orderId).json().getJsonArray("allowedActions").toString())
        .isEqualTo("[\"FUND\",\"CHANGE\",\"CANCEL\"]");

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.has("actions:editTerms")).isFalse();
    assertThat(browser.has("newLine:add")).isFalse();
    assertThat(browser.has("fulfilment:fund")).isTrue();
    assertThat(browser.has("fulfilment:deliver")).isFalse();
    assertThat(browser.has("proposeChange")).isTrue();
    assertThat(folded("cancelHint")).contains("仮払い前");
    browser.open("agency/work-order-edit.xhtml?id=" + orderId);
    assertThat(browser.has("terms")).isFalse();
    assertThat(browser.text("messages")).contains("契約は締結済みです").contains("いまできること");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.has("fulfilment:fund")).isFalse();
    assertThat(browser.has("fulfilment:deliver")).isFalse();
    assertThat(browser.has("fulfilment:start")).isFalse();
    assertThat(browser.has("proposeChange")).isTrue();
    browser.signOut();

    agencyApi.post("work-orders/" + orderId + "/fulfilment/escrow/fund", ApiClient.object("reference", "振込-ボタン"));

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.has("fulfilment:start")).isTrue();
    assertThat(browser.has("fulfilment:deliver")).isTrue();
    assertThat(folded("cancel:cancelOrder")).contains("辞退");
    assertThat(folded("cancelHint")).contains("中途解約料は支払われません");
    browser.signOut();

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.has("fulfilment:fund")).isFalse();
    assertThat(browser.has("fulfilment:deliver")).isFalse();
    assertThat(folded("cancel:cancelOrder")).contains("解除");
    assertThat(browser.has("cancel:demand")).isFalse();
    assertThat(folded("demandLater")).contains("履行を催告できます");
    browser.signOut();
  }

  /**
   * The seed's first story: the agency tells the subcontractor to start before funding (the
   * message is flagged as evidence), then funds; the subcontractor delivers; the agency stays
   * silent; when the review period has passed the delivery is deemed accepted and paid, and the
   * agency's reputation shows it. Last: it moves the portal's clock forward.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void workBeforeFundingIsFlaggedAndSilenceAfterDeliveryIsADeemedAcceptance() throws Exception {
    ApiClient agencyApi = new ApiClient(base).signIn(AGENCY, DemoData.PASSWORD);
    ApiClient subApi = new ApiClient(base).signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    long orderId = signedOverApi(agencyApi, subApi, 20);
    String orderPage = "orders/work-order.xhtml?id=" + orderId;

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open(orderPage);
    browser.type("messageForm:body", "急ぎなので、仮払いの前ですが明日から作業を始めてください。");
    browser.click("messageForm:postMessage");
    assertThat(browser.text("messages-thread")).contains("明日から作業を始めて").contains("指示（仮払い前）");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.text("notFunded")).contains("未入金：作業を開始しないでください");
    assertThat(browser.has("fulfilment:deliver")).isFalse();
    browser.signOut();

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open(orderPage);
    browser.type("fulfilment:reference", "振込-20261127-001").click("fulfilment:fund");
    assertThat(browser.text("messages")).contains("仮払いが完了しました");
    assertThat(browser.text("status")).contains("仮払い済み");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.has("notFunded")).isFalse();
    // A file over the limit is caught as it is chosen, and the form is not sent.
    Path huge = largePdf(21);
    browser.find("fulfilment:attachments").sendKeys(huge.toString());
    assertThat(browser.text("fulfilment:attachmentsOverLimit")).contains("20 MB");
    browser.type("fulfilment:note", "大きすぎるファイル").clickInPlace("fulfilment:deliver");
    assertThat(browser.text("fulfilment:attachmentsOverLimit")).contains("20 MB");
    assertThat(browser.text("status")).contains("仮払い済み");
    Files.delete(huge);
    browser.open(orderPage);

    Path program = Files.createTempFile("tool", ".exe");
    Files.write(program, new byte[] {'M', 'Z', 0, 0});
    browser.find("fulfilment:attachments").sendKeys(program.toString());
    browser.type("fulfilment:note", "納品します").click("fulfilment:deliver");
    assertThat(browser.text("fulfilment")).contains("受け付けられない種類");
    assertThat(browser.text("status")).contains("仮払い済み");

    Path design = Files.createTempFile("design", ".pdf");
    Files.writeString(design, "%PDF-1.7 デザイン");
    browser.find("fulfilment:attachments").sendKeys(design.toString());
    browser.type("fulfilment:note", "デザインデータ一式を共有フォルダに置きました。").click("fulfilment:deliver");
    assertThat(browser.text("messages")).contains("納品しました");
    assertThat(browser.text("deliveries")).contains("検収中").contains(design.getFileName().toString());
    int deemedBefore = leadingNumber(browser.text("deemed"));
    browser.signOut();

    // The agency stays silent for the whole review period (7 days).
    var moved = new ApiClient(base).post("test/clock", ApiClient.object("days", 8, "hours", 0));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

    browser.signIn(AGENCY, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.text("status")).contains("支払済み");
    assertThat(browser.text("deliveries")).contains("みなし検収");
    assertThat(browser.text("evidence")).contains("明日から作業を始めて");
    browser.signOut();

    browser.signIn(SUBCONTRACTOR, DemoData.PASSWORD);
    browser.open(orderPage);
    assertThat(browser.text("released")).contains("220,000");
    // The clock move may also deem other tests' deliveries to this subcontractor accepted.
    assertThat(leadingNumber(browser.text("deemed"))).isGreaterThan(deemedBefore);
  }

  private static int leadingNumber(String text) {
    return Integer.parseInt(text.replaceFirst("(?s)^(\\d+).*$", "$1"));
  }

  /** The text of an element inside a closed {@code <details>}, which the browser does not show. */
  private static String folded(String id) {
    return browser.find(id).getDomProperty("textContent");
  }

  /** An order for 田中 美咲 due in some days, agreed and signed by both over the API. */
  private static long signedOverApi(ApiClient agency, ApiClient sub, int dueInDays) {
    long subId =
        agency.get("subcontractors").array().getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("name").equals("田中 美咲"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    LocalDate today = today();
    long id =
        agency
            .post(
                "work-orders",
                ApiClient.object(
                    "title", "採用サイト制作", "subcontractorId", subId, "language", "ja",
                    "currency", "JPY", "commissionedOn", today, "deliveryDate", today.plusDays(dueInDays),
                    "placeOfDelivery", "メールで納品", "reviewDays", 7,
                    "paymentDueDate", today.plusDays(dueInDays + 30), "paymentMethod", "銀行振込"))
            .json()
            .getJsonNumber("id")
            .longValue();
    agency.post(
        "work-orders/" + id + "/lines",
        ApiClient.object("text", "トップページ", "deliverable", "HTML", "quantity", "1", "unit", "PAGE",
            "unitPrice", "200000"));
    JsonObject order = agency.get("work-orders/" + id).json();
    order = agency.post("work-orders/" + id + "/send", ApiClient.object("version", order.getJsonNumber("version").longValue())).json();
    order = sub.post("work-orders/" + id + "/terms/accept", ApiClient.object("version", order.getJsonNumber("version").longValue())).json();
    for (JsonObject l : order.getJsonArray("lines").getValuesAs(JsonObject.class)) {
      sub.post(
          "work-orders/" + id + "/lines/" + l.getJsonNumber("id").longValue() + "/accept",
          ApiClient.object("version", l.getJsonNumber("version").longValue()));
    }
    JsonObject agreement = agency.get("work-orders/" + id + "/agreements").array().getJsonObject(0);
    String path = "work-orders/" + id + "/agreements/" + agreement.getJsonNumber("id").longValue() + "/signatures";
    String body = ApiClient.object("contentHash", agreement.getString("contentHash"), "password", DemoData.PASSWORD);
    assertThat(agency.post(path, body).status()).isEqualTo(200);
    assertThat(sub.post(path, body).json().getString("state")).isEqualTo("SIGNED");
    return id;
  }
}
