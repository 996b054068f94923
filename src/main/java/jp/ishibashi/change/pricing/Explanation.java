package jp.ishibashi.change.pricing;

import static jp.ishibashi.change.pricing.Wording.money;
import static jp.ishibashi.change.pricing.Wording.percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import jp.ishibashi.change.pricing.Wording.Bilingual;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Totals;

/**
 * The whole text of a quote in Japanese and English: a heading, each amount with its basis, the
 * notes, the totals with their rules, and the extension offered instead of the surcharge.
 */
final class Explanation {

  /** Room for the heading, the totals and the extension besides the lines and notes. */
  private static final int FIXED_LENGTH = 2048;

  private final StringBuilder ja;
  private final StringBuilder en;

  Explanation(
      PricingInput input,
      LocalDate dueDate,
      long daysLeft,
      List<BreakdownLine> breakdown,
      List<Note> notes,
      Money scopeDelta,
      Money killFees,
      RushSurcharge rush) {
    // Sized once: an agreement of thousands of lines makes texts of megabytes, which would
    // otherwise be copied at every doubling.
    int lengthJa = FIXED_LENGTH;
    int lengthEn = FIXED_LENGTH;
    for (BreakdownLine amount : breakdown) {
      lengthJa += amount.explanationJa().length() + 2;
      lengthEn += amount.explanationEn().length() + 3;
    }
    for (Note note : notes) {
      lengthJa += note.textJa().length() + 5;
      lengthEn += note.textEn().length() + 10;
    }
    ja = new StringBuilder(lengthJa);
    en = new StringBuilder(lengthEn);
    Bilingual left = Wording.days(daysLeft);
    line(
        "変更見積: 依頼日 "
            + input.requestedOn()
            + "、納期 "
            + dueDate
            + "（残り"
            + left.ja()
            + "）、通貨 "
            + input.agreement().currency().getCurrencyCode(),
        "Change quote: requested on "
            + input.requestedOn()
            + ", due "
            + dueDate
            + " ("
            + left.en()
            + " left), currency "
            + input.agreement().currency().getCurrencyCode());
    String reason = input.proposal().reason();
    if (reason != null) {
      line("理由: " + reason, "Reason: " + reason);
    }
    for (BreakdownLine amount : breakdown) {
      ja.append('・').append(amount.explanationJa()).append('\n');
      en.append("- ").append(amount.explanationEn()).append('\n');
    }
    for (Note note : notes) {
      boolean warning = note.severity() == Note.Severity.WARNING;
      ja.append(warning ? "注意: " : "備考: ").append(note.textJa()).append('\n');
      en.append(warning ? "Warning: " : "Note: ").append(note.textEn()).append('\n');
    }
    line(
        "範囲の差額 "
            + money(scopeDelta)
            + "、中途解約料 "
            + money(killFees)
            + "、特急料金 "
            + money(rush.amount()),
        "Scope delta "
            + money(scopeDelta)
            + ", kill fees "
            + money(killFees)
            + ", rush surcharge "
            + money(rush.amount()));
  }

  void totals(QuoteTotals totals, Money feeBefore, boolean withholding) {
    lines(totals, "", "");
    if (withholding) {
      Money feeAfter = feeBefore.plus(totals.subtotal());
      Money before = Withholding.on(feeBefore);
      Money after = Withholding.on(feeAfter);
      line(
          "源泉徴収税 "
              + money(totals.withholding())
              + ": 変更後の報酬 "
              + money(feeAfter)
              + " に対する "
              + money(after)
              + " − 変更前の報酬 "
              + money(feeBefore)
              + " に対する "
              + money(before)
              + "（消費税抜き、100万円以下の部分は"
              + percent(Withholding.RATE)
              + "、超える部分は"
              + percent(Withholding.RATE_ABOVE)
              + "、1円未満切り捨て）",
          "Withholding tax "
              + money(totals.withholding())
              + ": "
              + money(after)
              + " on the fee of "
              + money(feeAfter)
              + " after the change − "
              + money(before)
              + " on the fee of "
              + money(feeBefore)
              + " before (excluding consumption tax; "
              + percent(Withholding.RATE)
              + " up to ¥1,000,000 and "
              + percent(Withholding.RATE_ABOVE)
              + " above, rounded down to the yen)");
      line(
          "受注者へのお支払いの増減 " + money(totals.payable()) + "（合計 − 源泉徴収税）",
          "Payable to the subcontractor: " + money(totals.payable()) + " (total − withholding)");
    }
    line(escrowJa(totals), escrowEn(totals));
  }

  void extension(
      ExtensionAlternative extension,
      RushSurcharge rush,
      BigDecimal hoursByTime,
      Money workByAmount,
      PricingPolicy policy) {
    Bilingual hours = Wording.hours(extension.addedHours());
    Bilingual capacity = Wording.hours(extension.dailyCapacityHours());
    Bilingual days = Wording.days(extension.days());
    String quotient =
        Wording.plain(
            extension.addedHours().divide(extension.dailyCapacityHours(), 2, RoundingMode.HALF_UP));
    String basisJa = "";
    String basisEn = "";
    if (workByAmount.isPositive()) {
      Money perHour = policy.hourlyEstimate(workByAmount.currency()).orElseThrow();
      Bilingual byTime = Wording.hours(hoursByTime);
      basisJa =
          "（時間・日単位の明細 "
              + byTime.ja()
              + " ＋ その他の明細 "
              + money(workByAmount)
              + " を1時間 "
              + money(perHour)
              + " で換算）";
      basisEn =
          " ("
              + byTime.en()
              + " of lines in hours or days + "
              + money(workByAmount)
              + " of other lines at "
              + money(perHour)
              + " an hour)";
    }
    line(
        "代案: 特急料金 "
            + money(rush.amount())
            + " の代わりに納期を"
            + days.ja()
            + "延長して "
            + extension.newDueDate()
            + " とする（追加工数 "
            + hours.ja()
            + basisJa
            + " ÷ 1日"
            + capacity.ja()
            + " = "
            + quotient
            + "日、切り上げて"
            + days.ja()
            + "）。この場合:",
        "Alternative: instead of the rush surcharge of "
            + money(rush.amount())
            + ", extend the due date by "
            + days.en()
            + " to "
            + extension.newDueDate()
            + " (added effort "
            + hours.en()
            + basisEn
            + " ÷ "
            + capacity.en()
            + " a day = "
            + quotient
            + " days, rounded up to "
            + days.en()
            + "). Then:");
    lines(extension.totals(), "  ", "  ");
    if (extension.totals().withholding().amount().signum() != 0) {
      line(
          "  源泉徴収税 " + money(extension.totals().withholding()),
          "  Withholding tax " + money(extension.totals().withholding()));
    }
    line("  " + escrowJa(extension.totals()), "  " + escrowEn(extension.totals()));
  }

  String ja() {
    return ja.toString();
  }

  String en() {
    return en.toString();
  }

  private void lines(QuoteTotals totals, String indentJa, String indentEn) {
    Bilingual rounding = Wording.roundedDown(totals.subtotal());
    line(
        indentJa + "差額小計 " + money(totals.subtotal()),
        indentEn + "Subtotal " + money(totals.subtotal()));
    line(
        indentJa
            + "消費税 "
            + percent(Totals.CONSUMPTION_TAX_RATE)
            + "（文書全体で1回、"
            + rounding.ja()
            + "）: "
            + money(totals.subtotal())
            + " × "
            + percent(Totals.CONSUMPTION_TAX_RATE)
            + " = "
            + money(totals.tax()),
        indentEn
            + "Consumption tax "
            + percent(Totals.CONSUMPTION_TAX_RATE)
            + " (once for the document, "
            + rounding.en()
            + "): "
            + money(totals.subtotal())
            + " × "
            + percent(Totals.CONSUMPTION_TAX_RATE)
            + " = "
            + money(totals.tax()));
    line(indentJa + "合計 " + money(totals.total()), indentEn + "Total " + money(totals.total()));
  }

  private static String escrowJa(QuoteTotals totals) {
    if (totals.payable().isPositive()) {
      return "追加仮払い " + money(totals.extraEscrow()) + ": 追加作業の開始前に入金が必要です";
    }
    if (totals.payable().isNegative()) {
      return "返金 " + money(totals.refund()) + ": 仮払いから発注者へ返金します";
    }
    return "追加仮払い・返金はありません";
  }

  private static String escrowEn(QuoteTotals totals) {
    if (totals.payable().isPositive()) {
      return "Extra escrow "
          + money(totals.extraEscrow())
          + ": to be funded before the added work starts";
    }
    if (totals.payable().isNegative()) {
      return "Refund " + money(totals.refund()) + ": from escrow back to the agency";
    }
    return "No extra escrow and no refund";
  }

  private void line(String japanese, String english) {
    ja.append(japanese).append('\n');
    en.append(english).append('\n');
  }
}
