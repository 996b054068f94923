package jp.ishibashi.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.ishibashi.agreement.AgreementContent.Line;
import jp.ishibashi.agreement.AgreementContent.PartyDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgreementContentTest {

  static AgreementContent sample() {
    return new AgreementContent(
        "WO-2026-0001",
        1,
        null,
        "ja",
        new PartyDetails("株式会社さくらデザイン", "東京都千代田区1-1", "T1234567890123"),
        new PartyDetails("山田 太郎", null, null),
        "コーポレートサイト制作",
        "改行\nと \"引用\" を含む説明",
        "JPY",
        LocalDate.of(2026, 11, 27),
        LocalDate.of(2026, 11, 20),
        LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 25),
        "オンライン納品",
        7,
        LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 1, 31),
        "銀行振込",
        List.of(
            new Line(
                1,
                10L,
                "トップページのデザイン",
                "Figma ファイル",
                "レビュー 2 回",
                new BigDecimal("1.50"),
                "DAY",
                new BigDecimal("60000"),
                new BigDecimal("90000"))),
        new BigDecimal("90000"),
        new BigDecimal("0.10"),
        new BigDecimal("9000"),
        new BigDecimal("99000"),
        null);
  }

  /**
   * The hash of the sample, computed once and pinned: a different JVM, locale, time zone or
   * default charset must give exactly this, or signatures made elsewhere would not verify.
   */
  private static final String SAMPLE_HASH =
      "c4b509440d3625bdf6ecc566195f9454d8dddb28bb6046b27524290fb0c94e66";

  @Test
  void theSameContentAlwaysGivesTheSameHash() {
    assertThat(sample().hash()).isEqualTo(sample().hash()).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(sample().hash()).isEqualTo(SAMPLE_HASH);
  }

  @Test
  void theCanonicalFormIsCompactOrderedJson() {
    assertThat(sample().canonical())
        .startsWith("{\"format\":\"ishibashi-agreement/1\",\"orderNumber\":\"WO-2026-0001\"")
        .contains("\"previousHash\":null")
        .contains("\"description\":\"改行\\nと \\\"引用\\\" を含む説明\"")
        .contains("\"quantity\":1.5,")
        .doesNotContain("\n");
  }

  @Test
  void trailingZerosDoNotChangeTheHash() {
    AgreementContent c = sample();
    AgreementContent same =
        with(c, x -> copy(x, x.subtotal().setScale(2), x.lines()));
    assertThat(same.hash()).isEqualTo(c.hash());
  }

  @Test
  void theCanonicalFormReadsBackToTheSameContent() {
    AgreementContent read = AgreementContent.parse(sample().canonical());
    assertThat(read.canonical()).isEqualTo(sample().canonical());
    assertThat(read.agency().name()).isEqualTo("株式会社さくらデザイン");
    assertThat(read.lines()).hasSize(1);
  }

  static Stream<Arguments> changes() {
    Line line = sample().lines().get(0);
    return Stream.of(
        change("order number", c -> rebuild(c, "WO-2026-0002", c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), c.lines())),
        change("version", c -> rebuild(c, c.orderNumber(), 2, c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), c.lines())),
        change("previous hash", c -> rebuild(c, c.orderNumber(), c.version(), "ab", c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), c.lines())),
        change("agency name", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), new PartyDetails("株式会社さくら", c.agency().address(), c.agency().registrationNumber()), c.subcontractor(), c.title(), c.paymentDueDate(), c.lines())),
        change("agency address", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), new PartyDetails(c.agency().name(), "大阪府", c.agency().registrationNumber()), c.subcontractor(), c.title(), c.paymentDueDate(), c.lines())),
        change("registration number", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), new PartyDetails(c.agency().name(), c.agency().address(), "T1234567890124"), c.subcontractor(), c.title(), c.paymentDueDate(), c.lines())),
        change("subcontractor", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), new PartyDetails("山田 花子", null, null), c.title(), c.paymentDueDate(), c.lines())),
        change("title", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), "別の件名", c.paymentDueDate(), c.lines())),
        change("payment due date", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate().plusDays(1), c.lines())),
        change("line text", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(1, 10L, "トップページ", line.deliverable(), line.acceptanceCriteria(), line.quantity(), line.unit(), line.unitPrice(), line.amount())))),
        change("line deliverable", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(1, 10L, line.text(), "PDF", line.acceptanceCriteria(), line.quantity(), line.unit(), line.unitPrice(), line.amount())))),
        change("line criteria", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(1, 10L, line.text(), line.deliverable(), null, line.quantity(), line.unit(), line.unitPrice(), line.amount())))),
        change("line quantity", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(1, 10L, line.text(), line.deliverable(), line.acceptanceCriteria(), BigDecimal.ONE, line.unit(), line.unitPrice(), line.amount())))),
        change("line unit", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(1, 10L, line.text(), line.deliverable(), line.acceptanceCriteria(), line.quantity(), "HOUR", line.unitPrice(), line.amount())))),
        change("line price", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(1, 10L, line.text(), line.deliverable(), line.acceptanceCriteria(), line.quantity(), line.unit(), BigDecimal.TEN, line.amount())))),
        change("line number", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(new Line(2, 10L, line.text(), line.deliverable(), line.acceptanceCriteria(), line.quantity(), line.unit(), line.unitPrice(), line.amount())))),
        change("a second line", c -> rebuild(c, c.orderNumber(), c.version(), c.previousHash(), c.agency(), c.subcontractor(), c.title(), c.paymentDueDate(), List.of(line, line))),
        change("subtotal", c -> copy(c, BigDecimal.ONE, c.lines())));
  }

  @ParameterizedTest(name = "changing the {0} changes the hash")
  @MethodSource("changes")
  void everyChangeGivesAnotherHash(String what, UnaryOperator<AgreementContent> change) {
    assertThat(change.apply(sample()).hash()).isNotEqualTo(sample().hash());
  }

  @Test
  void theRemainingTermsAreHashedToo() {
    AgreementContent c = sample();
    List<AgreementContent> variants =
        List.of(
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), "en", c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), null, c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), "USD", c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn().plusDays(1), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn().plusDays(1), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), null, c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate().plusDays(1), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), "東京", c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), 8, c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline().plusDays(1), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), "現金", c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), new BigDecimal("0.08"), c.tax(), c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), BigDecimal.ONE, c.total(), null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), BigDecimal.ONE, null),
            new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), amendment()));
    assertThat(variants).allSatisfy(v -> assertThat(v.hash()).isNotEqualTo(c.hash()));
    assertThat(variants.stream().map(AgreementContent::hash).distinct()).hasSize(variants.size());
  }

  static AgreementContent.Amendment amendment() {
    return new AgreementContent.Amendment(
        "CR-1",
        "AGENCY",
        LocalDate.of(2026, 12, 23),
        "追加ページ",
        LocalDate.of(2026, 12, 25),
        LocalDate.of(2026, 12, 25),
        List.of(new AgreementContent.Amendment.Item("ADDED_LINE", "A1", "追加ページ", new BigDecimal("50000"), "追加作業 ¥50,000")),
        new BigDecimal("100000"),
        new BigDecimal("10000"),
        new BigDecimal("110000"),
        BigDecimal.ZERO,
        new BigDecimal("110000"),
        "特急料金 100%");
  }

  @Test
  void anAmendmentReadsBackAndVersionOneHasNone() {
    AgreementContent c = sample();
    AgreementContent amended = new AgreementContent(c.orderNumber(), 2, c.hash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), c.lines(), c.subtotal(), c.taxRate(), c.tax(), c.total(), amendment());
    assertThat(c.canonical()).doesNotContain("amendment");
    assertThat(AgreementContent.parse(amended.canonical())).isEqualTo(AgreementContent.parse(amended.canonical()));
    assertThat(AgreementContent.parse(amended.canonical()).amendment().items()).hasSize(1);
    assertThat(AgreementContent.parse(amended.canonical()).canonical()).isEqualTo(amended.canonical());
    assertThat(amended.canonical()).contains("\"previousHash\":\"" + c.hash() + "\"");
  }

  private static Arguments change(String what, UnaryOperator<AgreementContent> change) {
    return Arguments.of(what, change);
  }

  private static AgreementContent with(AgreementContent c, UnaryOperator<AgreementContent> f) {
    return f.apply(c);
  }

  private static AgreementContent copy(AgreementContent c, BigDecimal subtotal, List<Line> lines) {
    return new AgreementContent(c.orderNumber(), c.version(), c.previousHash(), c.language(), c.agency(), c.subcontractor(), c.title(), c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), c.paymentDueDate(), c.paymentMethod(), lines, subtotal, c.taxRate(), c.tax(), c.total(), null);
  }

  private static AgreementContent rebuild(AgreementContent c, String number, int version, String previous, PartyDetails agency, PartyDetails sub, String title, LocalDate paymentDue, List<Line> lines) {
    return new AgreementContent(number, version, previous, c.language(), agency, sub, title, c.description(), c.currency(), c.agreedOn(), c.commissionedOn(), c.periodStart(), c.deliveryDate(), c.placeOfDelivery(), c.reviewDays(), c.inspectionDeadline(), paymentDue, c.paymentMethod(), lines, c.subtotal(), c.taxRate(), c.tax(), c.total(), null);
  }
}
