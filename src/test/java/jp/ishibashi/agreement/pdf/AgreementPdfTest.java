package jp.ishibashi.agreement.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.ishibashi.agreement.AgreementContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementPdfTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final AgreementPdf renderer = new AgreementPdf();

  @TempDir Path directory;

  @Test
  void japaneseAgreementShowsItsLinesTermsAndAmounts() {
    Path file = render("ja.pdf", Agreements.japanese());

    String text = Poppler.text(file);

    assertThat(text)
        .contains("業務委託契約書", "コーポレートサイトのリニューアル")
        .contains(Agreements.JAPANESE_LINES)
        .contains(Agreements.AGENCY, Agreements.SUBCONTRACTOR, "T1234567890123")
        .contains("¥120,000", "¥360,000", "¥36,000", "¥396,000", "消費税（10%）")
        .contains("2026年11月27日", "2027年3月31日", "銀行振込")
        .contains("一式", "ページ", "時間")
        .contains("第3条に基づく明示事項", "給付を受領する場所", "検査を完了する期日");
  }

  @Test
  void englishAgreementFormatsDollarsAndDatesAndNamesTheVersionItAmends() {
    AgreementContent content = Agreements.englishInDollars();
    Path file = render("en.pdf", content);

    String text = Poppler.text(file);

    assertThat(text)
        .contains("Scope agreement", "Landing page design", "Figma file")
        .contains("$1,234.50", "$823.00", "1.5", "day")
        .contains("27 Nov 2026", "29 Jan 2027")
        .contains("Freelance Act", "(the one line of the scope)");
    assertThat(text.replaceAll("\\s+", " "))
        .contains("amends the version with content hash " + content.previousHash());
  }

  @Test
  void anAmendedVersionShowsTheChangeItsReasonAndEveryAmountOfItsQuote() {
    AgreementContent c = Agreements.japanese();
    AgreementContent.Amendment amendment =
        new AgreementContent.Amendment(
            "CR-3",
            "AGENCY",
            java.time.LocalDate.of(2027, 1, 27),
            "採用ページを追加したい",
            java.time.LocalDate.of(2027, 1, 29),
            java.time.LocalDate.of(2027, 2, 5),
            List.of(
                new AgreementContent.Amendment.Item(
                    "ADDED_LINE", "A1", "採用ページ", new java.math.BigDecimal("300000"), "追加作業 ¥300,000"),
                new AgreementContent.Amendment.Item(
                    "RUSH_SURCHARGE", null, "特急", new java.math.BigDecimal("300000"), "残り2日：+100%")),
            new java.math.BigDecimal("600000"),
            new java.math.BigDecimal("60000"),
            new java.math.BigDecimal("660000"),
            java.math.BigDecimal.ZERO,
            new java.math.BigDecimal("660000"),
            "説明");
    AgreementContent amended =
        new AgreementContent(c.orderNumber(), 2, "ab".repeat(32), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), amendment);

    String text = Poppler.text(render("amended.pdf", amended)).replaceAll("\\s+", "");

    assertThat(text)
        .contains("変更の内容", "CR-3", "採用ページを追加したい", "特急料金", "残り2日：+100%")
        .contains("¥660,000", "追加仮払い");
  }

  @Test
  void documentInformationIdentifiesTheAgreement() throws Exception {
    AgreementContent content = Agreements.japanese();

    Map<String, String> info =
        new PdfReader(renderer.render(content, content.hash(), List.of(), TOKYO)).getInfo();

    assertThat(info)
        .containsEntry("Creator", "Ishibashi")
        .containsEntry(AgreementPdf.INFO_ORDER, "WO-2026-0042")
        .containsEntry(AgreementPdf.INFO_VERSION, "1")
        .containsEntry(AgreementPdf.INFO_CONTENT_HASH, content.hash());
    assertThat(info.get("Title")).contains("業務委託契約書", "WO-2026-0042");
  }

  @Test
  void bothSignatureFieldsAreThereAndEmpty() throws Exception {
    AgreementContent content = Agreements.japanese();

    PdfReader reader = new PdfReader(renderer.render(content, content.hash(), List.of(), TOKYO));

    assertThat(reader.getAcroFields().getFieldNamesWithBlankSignatures())
        .containsExactlyInAnyOrder(AgreementPdf.AGENCY_FIELD, AgreementPdf.SUBCONTRACTOR_FIELD);
  }

  @Test
  void aLongScopeSpansPagesAndRepeatsItsHeaderRow() {
    Path file = render("long.pdf", Agreements.withLines(300));

    int pages = Poppler.pages(file);
    String secondPage = Poppler.text(file, 2, 2);

    assertThat(pages).isGreaterThanOrEqualTo(5);
    assertThat(secondPage).contains("No.", "内容", "数量", "単位", "単価", "金額");
    assertThat(secondPage).containsPattern("Scope line \\d+ of 300");
    assertThat(Poppler.text(file)).contains("Scope line 300 of 300");
    assertThat(Poppler.text(file, pages, pages)).contains("署名監査証明書");
  }

  @Test
  void refusesAHashThatIsNotTheContents() {
    AgreementContent content = Agreements.japanese();

    assertThatThrownBy(() -> renderer.render(content, "0".repeat(64), List.of(), TOKYO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the hash");
  }

  @Test
  void oneRendererServesSeveralThreadsAtOnce() throws Exception {
    AgreementContent content = Agreements.withLines(50);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> renders = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        renders.add(pool.submit(() -> renderer.render(content, content.hash(), List.of(), TOKYO)));
      }
      for (Future<byte[]> render : renders) {
        assertThat(new PdfReader(render.get()).getNumberOfPages()).isGreaterThan(1);
      }
    } finally {
      pool.shutdown();
    }
  }

  private Path render(String name, AgreementContent content) {
    return Poppler.write(
        directory, name, renderer.render(content, content.hash(), List.of(), TOKYO));
  }
}
