package jp.ishibashi.agreement.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.AgreementContent.Line;
import jp.ishibashi.agreement.AgreementContent.PartyDetails;

/** Agreement contents for the PDF tests and the benchmark. */
final class Agreements {

  static final String AGENCY = "株式会社さくらデザイン";
  static final String SUBCONTRACTOR = "田中 美咲";
  static final String[] JAPANESE_LINES = {"トップページのデザイン", "会社概要ページのコーディング", "お問い合わせフォームの実装"};

  private Agreements() {}

  /** A Japanese agreement whose lines are the three {@link #JAPANESE_LINES}. */
  static AgreementContent japanese() {
    List<Line> lines = new ArrayList<>();
    String[] units = {"LUMP_SUM", "PAGE", "HOUR"};
    for (int i = 0; i < JAPANESE_LINES.length; i++) {
      lines.add(line(i + 1, JAPANESE_LINES[i], units[i], "120000"));
    }
    return content("ja", "JPY", null, lines);
  }

  /** An agreement of {@code count} lines "Scope line i of count", at ¥10,000 each. */
  static AgreementContent withLines(int count) {
    List<Line> lines = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      lines.add(line(i, "Scope line " + i + " of " + count, "ITEM", "10000"));
    }
    return content("ja", "JPY", null, lines);
  }

  /** An English agreement in US dollars, amending an earlier version. */
  static AgreementContent englishInDollars() {
    List<Line> lines =
        List.of(
            new Line(
                1,
                101L,
                "Landing page design",
                "Figma file",
                "Approved by the agency",
                new BigDecimal("1.5"),
                "DAY",
                new BigDecimal("823.00"),
                new BigDecimal("1234.50")));
    return content("en", "USD", "ab".repeat(32), lines);
  }

  private static Line line(int number, String text, String unit, String price) {
    return new Line(
        number,
        100L + number,
        text,
        "成果物 " + number,
        "検収基準 " + number,
        BigDecimal.ONE,
        unit,
        new BigDecimal(price),
        new BigDecimal(price));
  }

  private static AgreementContent content(
      String language, String currency, String previousHash, List<Line> lines) {
    BigDecimal subtotal = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal tax =
        subtotal.multiply(new BigDecimal("0.10")).setScale(subtotal.scale(), RoundingMode.DOWN);
    return new AgreementContent(
        "WO-2026-0042",
        previousHash == null ? 1 : 2,
        previousHash,
        language,
        new PartyDetails(AGENCY, "東京都渋谷区神南1-2-3", "T1234567890123"),
        new PartyDetails(SUBCONTRACTOR, "大阪府大阪市北区梅田4-5-6", null),
        "コーポレートサイトのリニューアル",
        "コーポレートサイトのデザインと実装。\n二行目の説明。",
        currency,
        LocalDate.of(2026, 11, 27),
        LocalDate.of(2026, 11, 27),
        LocalDate.of(2026, 12, 1),
        LocalDate.of(2027, 1, 29),
        "電子メールで納品",
        10,
        LocalDate.of(2027, 2, 8),
        LocalDate.of(2027, 3, 31),
        "銀行振込",
        lines,
        subtotal,
        new BigDecimal("0.10"),
        tax,
        subtotal.add(tax),
        null);
  }
}
