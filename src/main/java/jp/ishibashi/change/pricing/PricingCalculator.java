package jp.ishibashi.change.pricing;

import static jp.ishibashi.change.pricing.BreakdownLine.Kind.ADDED_LINE;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.ADDED_QUANTITY;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.KILL_FEE;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.PRICE_CHANGE;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.REMOVED;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.RUSH_SURCHARGE;
import static jp.ishibashi.change.pricing.Wording.money;
import static jp.ishibashi.change.pricing.Wording.percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.ishibashi.change.pricing.BreakdownLine.Kind;
import jp.ishibashi.change.pricing.Edit.AddLine;
import jp.ishibashi.change.pricing.Edit.CancelRemaining;
import jp.ishibashi.change.pricing.Edit.ModifyLine;
import jp.ishibashi.change.pricing.Edit.MoveDueDate;
import jp.ishibashi.change.pricing.Edit.RemoveLine;
import jp.ishibashi.change.pricing.Note.Severity;
import jp.ishibashi.change.pricing.Wording.Bilingual;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.LineContent;
import jp.ishibashi.workorder.Totals;
import jp.ishibashi.workorder.Unit;

/**
 * Prices a change request (変更依頼) into a {@link Quote}. Pure and deterministic: it reads no clock,
 * no database and no locale, so the same input always gives an equal quote; it takes time linear in
 * the agreement's lines.
 *
 * <p>The rules, each of which the quote explains next to its amount:
 *
 * <ul>
 *   <li><b>Scope delta.</b> A new line costs its quantity times its proposed unit price; more
 *       quantity of an agreed line costs the added quantity at its new price; a new price applies
 *       to the quantity kept; a removed line, or removed quantity, is credited at the agreed price.
 *   <li><b>Done work is never taken back for free.</b> Removing a line or part of its quantity
 *       keeps a kill fee of the removed amount: 100% when delivered and 50% in progress by default.
 *       Lowering the unit price of a line in progress or delivered is refused: that is a fee
 *       reduction (減額) after the fact, which the Freelance Act prohibits. Taking scope back is
 *       allowed, paying less for the same work is not.
 *   <li><b>No unpaid changes.</b> Work added at a unit price of zero is refused, as the Freelance
 *       Act bans changing the work at no cost to the client (不当な給付内容の変更).
 *   <li><b>Rush surcharge.</b> Added work (new lines and added quantity) costs the rush tier's rate
 *       more, by calendar days left from the request to the due date the change leaves. The quote
 *       offers the extension that avoids it instead: the added hours divided by the daily capacity,
 *       rounded up to days. A change that itself moves the due date by at least that much pays no
 *       surcharge.
 *   <li><b>Taxes.</b> Consumption tax 10% on the whole delta, once per document, rounded toward
 *       zero as {@link Totals} does. Withholding, for individuals, is the change in the tax
 *       withheld from the whole fee: the fee after the change and the fee before are one payment
 *       each, with 10.21% up to ¥1,000,000 and 20.42% above.
 *   <li><b>Escrow.</b> A positive payable delta is extra escrow (追加仮払い) funded before the added
 *       work starts; a negative one is refunded.
 * </ul>
 *
 * <p>Bad input is refused with a {@link DomainException} whose field names the edit, as {@code
 * edits[2].unitPrice}.
 */
public final class PricingCalculator {

  public Quote price(PricingInput input) {
    return new Pricing(input).quote();
  }

  /** One pricing run: the state of a single call, so that the calculator itself holds none. */
  private static final class Pricing {

    private final PricingInput input;
    private final AgreedScope agreement;
    private final PricingPolicy policy;
    private final Currency currency;
    private final Money zero;
    private final Map<Integer, AgreedLine> lines;
    private final Set<Integer> edited = new HashSet<>();
    private final List<BreakdownLine> breakdown = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private Money scopeDelta;
    private Money killFees;
    private Money addedWork;

    /** Added work in units other than hours and days, converted to hours at the estimate. */
    private Money addedWorkByAmount;

    /** Added work in hours and days, in hours. */
    private BigDecimal addedHoursByTime = BigDecimal.ZERO;

    private LocalDate newDueDate;
    private int addedLines;
    private boolean missingEstimateNoted;

    Pricing(PricingInput input) {
      this.input = input;
      this.agreement = input.agreement();
      this.policy = input.policy();
      this.currency = agreement.currency();
      this.zero = Money.zero(currency);
      this.scopeDelta = zero;
      this.killFees = zero;
      this.addedWork = zero;
      this.addedWorkByAmount = zero;
      this.lines = new HashMap<>(agreement.lines().size() * 4 / 3 + 1);
      for (AgreedLine line : agreement.lines()) {
        if (!line.unitPrice().currency().equals(currency)) {
          throw new IllegalArgumentException("line " + line.number() + " is not in " + currency);
        }
        if (lines.put(line.number(), line) != null) {
          throw new IllegalArgumentException("line number " + line.number() + " appears twice");
        }
      }
    }

    Quote quote() {
      List<Edit> edits = input.proposal().edits();
      refuseContradictions(edits);
      for (int i = 0; i < edits.size(); i++) {
        String field = "edits[" + i + "]";
        Edit edit = edits.get(i);
        if (edit instanceof AddLine add) {
          addLine(add, field);
        } else if (edit instanceof ModifyLine modify) {
          modifyLine(modify, field);
        } else if (edit instanceof RemoveLine remove) {
          AgreedLine line = editable(remove.number(), field);
          removeLine(line, false);
        } else if (edit instanceof MoveDueDate move) {
          moveDueDate(move, field);
        } else if (edit instanceof CancelRemaining) {
          cancelRemaining(field);
        }
      }
      LocalDate dueDate = newDueDate == null ? agreement.dueDate() : newDueDate;
      long daysLeft = Math.max(0, ChronoUnit.DAYS.between(input.requestedOn(), dueDate));
      RushSurcharge rush = rush(daysLeft);
      Money subtotal = scopeDelta.plus(killFees).plus(rush.amount());
      Money feeBefore = input.withholding() ? agreedFee() : zero;
      QuoteTotals totals = totals(subtotal, feeBefore);
      ExtensionAlternative extension = null;
      BigDecimal hours = rush.amount().isPositive() ? addedHours() : null;
      if (hours != null) {
        long days = extensionDays(hours);
        extension =
            new ExtensionAlternative(
                days,
                agreement.dueDate().plusDays(days),
                hours,
                policy.dailyCapacityHours(),
                totals(subtotal.minus(rush.amount()), feeBefore));
      }
      Explanation explanation =
          new Explanation(input, dueDate, daysLeft, breakdown, notes, scopeDelta, killFees, rush);
      explanation.totals(totals, feeBefore, input.withholding());
      if (extension != null) {
        explanation.extension(extension, rush, addedHoursByTime, addedWorkByAmount, policy);
      }
      return new Quote(
          currency,
          input.requestedOn(),
          agreement.dueDate(),
          dueDate,
          breakdown,
          notes,
          scopeDelta,
          killFees,
          rush,
          totals,
          extension,
          explanation.ja(),
          explanation.en());
    }

    /** An empty proposal, or a cancellation mixed with added or changed lines, makes no sense. */
    private void refuseContradictions(List<Edit> edits) {
      if (edits.isEmpty()) {
        throw DomainException.at("edits", "error.line.unchanged");
      }
      int cancel = -1;
      int addOrModify = -1;
      for (int i = 0; i < edits.size(); i++) {
        Edit edit = edits.get(i);
        if (edit instanceof CancelRemaining && cancel < 0) {
          cancel = i;
        } else if ((edit instanceof AddLine || edit instanceof ModifyLine) && addOrModify < 0) {
          addOrModify = i;
        }
      }
      if (cancel >= 0 && addOrModify >= 0) {
        throw DomainException.at(
            "edits[" + Math.max(cancel, addOrModify) + "]", "error.change.cancelCombined");
      }
    }

    private void addLine(AddLine add, String field) {
      LineContent content =
          content(
              field,
              add.text(),
              add.acceptanceCriteria(),
              add.quantity(),
              add.unit(),
              add.unitPrice());
      Money price = content.unitPrice(currency);
      Money amount = content.amount(currency);
      if (!price.isPositive() || !amount.isPositive()) {
        throw DomainException.at(field + ".unitPrice", "error.change.unpaid");
      }
      addedLines++;
      String ref = "A" + addedLines;
      Bilingual name = Wording.newLine(addedLines, content.getText());
      Bilingual quantity = Wording.quantity(content.getQuantity(), content.getUnit());
      add(
          ADDED_LINE,
          ref,
          content.getText(),
          amount,
          name.ja() + ": " + quantity.ja() + " × " + money(price) + " = " + money(amount),
          Wording.capitalized(name.en())
              + ": "
              + quantity.en()
              + " × "
              + money(price)
              + " = "
              + money(amount));
      addWork(content.getUnit(), content.getQuantity(), amount);
      compareWithRateCard(ref, name, content.getUnit(), add.category(), price);
    }

    /**
     * Splits a modification into its parts so that each is priced by its own rule: removed quantity
     * (credit and kill fee), a new unit price on the kept quantity, and added quantity (added work,
     * rush). The parts telescope, so they add up exactly to the new amount minus the old.
     */
    private void modifyLine(ModifyLine modify, String field) {
      AgreedLine line = editable(modify.number(), field);
      LineContent content =
          content(
              field,
              modify.text() == null ? line.text() : modify.text(),
              modify.acceptanceCriteria(),
              modify.quantity() == null ? line.quantity() : modify.quantity(),
              line.unit(),
              modify.unitPrice() == null ? line.unitPrice() : modify.unitPrice());
      BigDecimal oldQuantity = line.quantity();
      BigDecimal newQuantity = content.getQuantity();
      Money oldPrice = line.unitPrice();
      Money newPrice = content.unitPrice(currency);
      boolean priceChanged = newPrice.compareTo(oldPrice) != 0;
      boolean textChanged = !content.getText().equals(line.text());
      boolean criteriaChanged = content.getAcceptanceCriteria() != null;
      int more = newQuantity.compareTo(oldQuantity);
      if (more == 0 && !priceChanged && !textChanged && !criteriaChanged) {
        throw DomainException.at(field, "error.line.unchanged");
      }
      if (!newPrice.isPositive() && (priceChanged || more > 0)) {
        throw DomainException.at(field + ".unitPrice", "error.change.unpaid");
      }
      String ref = String.valueOf(line.number());
      Bilingual name = Wording.agreedLine(line.number(), line.text());
      if (newPrice.compareTo(oldPrice) < 0) {
        if (line.progress() != Progress.NOT_STARTED) {
          throw DomainException.at(
              field + ".unitPrice", "error.change.feeReduction", line.number());
        }
        warn(
            ref,
            name.ja()
                + "の単価を "
                + money(oldPrice)
                + " から "
                + money(newPrice)
                + " に引き下げます（未着手）。受注者の同意のない報酬の減額はフリーランス新法で禁止されています。",
            Wording.capitalized(name.en())
                + ": the unit price goes down from "
                + money(oldPrice)
                + " to "
                + money(newPrice)
                + " (not started). The Freelance Act prohibits reducing a fee without the"
                + " subcontractor's agreement.");
      }
      Money before = line.amount();
      Money increase = zero;
      if (more < 0) {
        Money kept = oldPrice.times(newQuantity, RoundingMode.HALF_UP);
        removePart(line, name, before, kept, newQuantity);
        priceChange(line, name, newQuantity, oldPrice, newPrice, kept);
        increase = newPrice.times(newQuantity, RoundingMode.HALF_UP).minus(kept);
      } else {
        Money atNewPrice = newPrice.times(oldQuantity, RoundingMode.HALF_UP);
        priceChange(line, name, oldQuantity, oldPrice, newPrice, before);
        increase = atNewPrice.minus(before);
        if (more > 0) {
          Money added = newPrice.times(newQuantity, RoundingMode.HALF_UP).minus(atNewPrice);
          addQuantity(line, name, newQuantity, newPrice, added);
          increase = increase.plus(added);
        }
      }
      if (textChanged || criteriaChanged) {
        contentChanged(line, ref, name, textChanged, criteriaChanged, increase.isPositive());
      }
      if (priceChanged) {
        compareWithRateCard(ref, name, line.unit(), line.category(), newPrice);
      }
    }

    private void priceChange(
        AgreedLine line,
        Bilingual name,
        BigDecimal quantity,
        Money oldPrice,
        Money newPrice,
        Money atOldPrice) {
      if (newPrice.compareTo(oldPrice) == 0) {
        return;
      }
      Money atNewPrice = newPrice.times(quantity, RoundingMode.HALF_UP);
      Money difference = atNewPrice.minus(atOldPrice);
      Bilingual q = Wording.quantity(quantity, line.unit());
      add(
          PRICE_CHANGE,
          String.valueOf(line.number()),
          line.text(),
          difference,
          name.ja()
              + "の単価を "
              + money(oldPrice)
              + " から "
              + money(newPrice)
              + " に変更: "
              + q.ja()
              + " × "
              + money(newPrice)
              + " = "
              + money(atNewPrice)
              + "（変更前 "
              + money(atOldPrice)
              + "）、差額 "
              + money(difference),
          Wording.capitalized(name.en())
              + ": unit price changed from "
              + money(oldPrice)
              + " to "
              + money(newPrice)
              + ": "
              + q.en()
              + " × "
              + money(newPrice)
              + " = "
              + money(atNewPrice)
              + " (was "
              + money(atOldPrice)
              + "), difference "
              + money(difference));
    }

    private void addQuantity(
        AgreedLine line, Bilingual name, BigDecimal newQuantity, Money price, Money added) {
      BigDecimal extra = newQuantity.subtract(line.quantity());
      Bilingual from = Wording.quantity(line.quantity(), line.unit());
      Bilingual to = Wording.quantity(newQuantity, line.unit());
      Bilingual more = Wording.quantity(extra, line.unit());
      // The added amount is the new amount minus the old at the new price; say it as the added
      // quantity times the price when rounding makes no difference, as it almost never does.
      boolean simple = price.times(extra, RoundingMode.HALF_UP).equals(added);
      String basis = addedBasis(simple, more.ja(), to.ja(), from.ja(), price, added);
      String basisEn = addedBasis(simple, more.en(), to.en(), from.en(), price, added);
      add(
          ADDED_QUANTITY,
          String.valueOf(line.number()),
          line.text(),
          added,
          name.ja() + "の数量を " + from.ja() + " から " + to.ja() + " に増加: 追加 " + basis,
          Wording.capitalized(name.en())
              + ": quantity raised from "
              + from.en()
              + " to "
              + to.en()
              + ": added "
              + basisEn);
      addWork(line.unit(), extra, added);
    }

    /** "5時間 × ¥6,000 = ¥30,000", or new minus old quantity at the price where rounding differs. */
    private static String addedBasis(
        boolean simple, String extra, String to, String from, Money price, Money added) {
      return simple
          ? extra + " × " + money(price) + " = " + money(added)
          : to + " × " + money(price) + " − " + from + " × " + money(price) + " = " + money(added);
    }

    /** Quantity taken out of a line: credited at the agreed price, less the kill fee. */
    private void removePart(
        AgreedLine line, Bilingual name, Money before, Money kept, BigDecimal newQuantity) {
      Money removed = before.minus(kept);
      Bilingual from = Wording.quantity(line.quantity(), line.unit());
      Bilingual to = Wording.quantity(newQuantity, line.unit());
      Bilingual progress = Wording.progress(line.progress());
      add(
          REMOVED,
          String.valueOf(line.number()),
          line.text(),
          zero.minus(removed),
          name.ja()
              + "の数量を "
              + from.ja()
              + " から "
              + to.ja()
              + " に減少（"
              + progress.ja()
              + "）: 変更前 "
              + money(before)
              + " − 変更後 "
              + money(kept)
              + " = "
              + money(zero.minus(removed)),
          Wording.capitalized(name.en())
              + ": quantity lowered from "
              + from.en()
              + " to "
              + to.en()
              + " ("
              + progress.en()
              + "): "
              + money(kept)
              + " after − "
              + money(before)
              + " before = "
              + money(zero.minus(removed)));
      killFee(line, removed);
    }

    /** A whole line taken out of the scope, by a removal or by cancelling the remaining work. */
    private void removeLine(AgreedLine line, boolean cancelled) {
      Money amount = line.amount();
      Bilingual name = Wording.agreedLine(line.number(), line.text());
      Bilingual quantity = Wording.quantity(line.quantity(), line.unit());
      Bilingual progress = Wording.progress(line.progress());
      String basis = quantity.ja() + " × " + money(line.unitPrice()) + " = " + money(amount);
      String basisEn = quantity.en() + " × " + money(line.unitPrice()) + " = " + money(amount);
      add(
          REMOVED,
          String.valueOf(line.number()),
          line.text(),
          zero.minus(amount),
          name.ja()
              + (cancelled ? "を残作業の解約により削除（" : "を削除（")
              + progress.ja()
              + "）: "
              + basis
              + " を差し引き "
              + money(zero.minus(amount)),
          Wording.capitalized(name.en())
              + (cancelled ? " cancelled with the remaining work (" : " removed (")
              + progress.en()
              + "): "
              + basisEn
              + " credited, "
              + money(zero.minus(amount)));
      killFee(line, amount);
    }

    private void killFee(AgreedLine line, Money removed) {
      BigDecimal share = policy.killFee(line.progress());
      if (share.signum() == 0) {
        return;
      }
      Money fee = removed.times(share, RoundingMode.HALF_UP);
      Bilingual progress = Wording.progress(line.progress());
      String ref = String.valueOf(line.number());
      killFees = killFees.plus(fee);
      breakdown.add(
          new BreakdownLine(
              KILL_FEE,
              ref,
              line.text(),
              fee,
              "明細"
                  + line.number()
                  + " は"
                  + progress.ja()
                  + "のため中途解約料 "
                  + percent(share)
                  + " × "
                  + money(removed)
                  + " = "
                  + money(fee),
              "Line "
                  + line.number()
                  + " is "
                  + progress.en()
                  + ": kill fee "
                  + percent(share)
                  + " × "
                  + money(removed)
                  + " = "
                  + money(fee)));
      if (line.progress() == Progress.DELIVERED && fee.compareTo(removed) < 0) {
        warn(
            ref,
            "明細"
                + line.number()
                + " は納品済みですが、中途解約料が "
                + percent(share)
                + " のため、納品済みの作業の報酬が "
                + money(removed.minus(fee))
                + " 減ります。納品後の報酬の減額はフリーランス新法で禁止されています。",
            "Line "
                + line.number()
                + " is delivered, but at a kill fee of "
                + percent(share)
                + " the fee for delivered work goes down by "
                + money(removed.minus(fee))
                + ". The Freelance Act prohibits reducing a fee after delivery.");
      }
    }

    private void moveDueDate(MoveDueDate move, String field) {
      LocalDate date = move.newDueDate();
      if (date == null) {
        throw DomainException.at(field + ".newDueDate", "error.field.required");
      }
      if (newDueDate != null) {
        throw DomainException.at(field + ".newDueDate", "error.change.duplicateEdit");
      }
      if (date.isBefore(input.requestedOn())) {
        throw DomainException.at(
            field + ".newDueDate", "error.change.dueDateBeforeRequest", date, input.requestedOn());
      }
      if (date.equals(agreement.dueDate())) {
        throw DomainException.at(field + ".newDueDate", "error.line.unchanged");
      }
      newDueDate = date;
      long shift = ChronoUnit.DAYS.between(agreement.dueDate(), date);
      Bilingual days = Wording.days(Math.abs(shift));
      String ja =
          "納期を "
              + agreement.dueDate()
              + " から "
              + date
              + " に変更（"
              + days.ja()
              + (shift > 0 ? "延長）" : "前倒し）");
      String en =
          "Due date moved from "
              + agreement.dueDate()
              + " to "
              + date
              + " ("
              + days.en()
              + (shift > 0 ? " later)" : " earlier)");
      notes.add(new Note(Severity.INFO, null, ja, en));
      if (shift < 0) {
        warn(
            null,
            "納期の前倒しで残りの作業がより短い期間に収まることになりますが、この見積はその分を料金に含めていません。",
            "Moving the due date earlier compresses the remaining work; this quote does not charge"
                + " for that.");
      }
    }

    private void cancelRemaining(String field) {
      int cancelled = 0;
      for (AgreedLine line : agreement.lines()) {
        if (!line.removed() && line.progress() != Progress.DELIVERED && edited.add(line.number())) {
          removeLine(line, true);
          cancelled++;
        }
      }
      if (cancelled == 0) {
        throw DomainException.at(field, "error.line.unchanged");
      }
      notes.add(
          new Note(
              Severity.INFO,
              null,
              "残りの作業を解約: 未着手・作業中の明細 " + cancelled + "件を削除します。納品済みの明細はそのまま支払われます。",
              "Remaining work cancelled: "
                  + cancelled
                  + (cancelled == 1 ? " line" : " lines")
                  + " not yet delivered removed. Delivered lines stay and are paid."));
    }

    private void contentChanged(
        AgreedLine line, String ref, Bilingual name, boolean text, boolean criteria, boolean paid) {
      String whatJa = text && criteria ? "作業内容と検収基準" : text ? "作業内容" : "検収基準";
      String whatEn =
          text && criteria ? "text and acceptance criteria" : text ? "text" : "acceptance criteria";
      notes.add(
          new Note(
              Severity.INFO,
              ref,
              name.ja() + "の" + whatJa + "を変更",
              Wording.capitalized(name.en()) + ": " + whatEn + " changed"));
      if (line.progress() != Progress.NOT_STARTED && !paid) {
        Bilingual progress = Wording.progress(line.progress());
        warn(
            ref,
            "明細"
                + line.number()
                + " は"
                + progress.ja()
                + "ですが、"
                + whatJa
                + "の変更に報酬の増額がありません。やり直しが生じる場合は有償にしてください"
                + "（フリーランス新法は発注者の費用負担のないやり直しを禁止しています）。",
            "Line "
                + line.number()
                + " is "
                + progress.en()
                + ", and its "
                + whatEn
                + " change with no increase in its fee. If this means rework, price it: the"
                + " Freelance Act prohibits redoing work at no cost to the client.");
      }
    }

    private void compareWithRateCard(
        String ref, Bilingual name, Unit unit, String category, Money price) {
      input
          .rateCard()
          .priceFor(unit, category, currency)
          .ifPresent(
              card -> {
                int versus = price.compareTo(card);
                if (versus > 0) {
                  warn(
                      ref,
                      name.ja() + "の単価 " + money(price) + " は単価表の " + money(card) + " を上回ります。",
                      Wording.capitalized(name.en())
                          + ": the unit price "
                          + money(price)
                          + " is above the rate card's "
                          + money(card)
                          + ".");
                } else if (versus < 0) {
                  notes.add(
                      new Note(
                          Severity.INFO,
                          ref,
                          name.ja()
                              + "の単価 "
                              + money(price)
                              + " は単価表の "
                              + money(card)
                              + " を下回ります。相場より著しく低い報酬（買いたたき）は禁止されています。",
                          Wording.capitalized(name.en())
                              + ": the unit price "
                              + money(price)
                              + " is below the rate card's "
                              + money(card)
                              + ". A fee far below the market rate is prohibited."));
                }
              });
    }

    /**
     * The surcharge on added work by the tier for the days left; none when the change moves the due
     * date later by at least the extension its added work needs.
     */
    private RushSurcharge rush(long daysLeft) {
      if (!addedWork.isPositive()) {
        return new RushSurcharge(BigDecimal.ZERO, daysLeft, addedWork, zero);
      }
      BigDecimal rate = policy.tierFor(daysLeft).rate();
      long granted =
          newDueDate == null ? 0 : ChronoUnit.DAYS.between(agreement.dueDate(), newDueDate);
      BigDecimal addedHours = rate.signum() > 0 ? addedHours() : null;
      if (addedHours != null && granted > 0 && granted >= extensionDays(addedHours)) {
        long needed = extensionDays(addedHours);
        Bilingual hours = Wording.hours(addedHours);
        Bilingual days = Wording.days(needed);
        Bilingual moved = Wording.days(granted);
        add(
            RUSH_SURCHARGE,
            null,
            null,
            zero,
            "納期を"
                + moved.ja()
                + "延長するため、追加作業 "
                + money(addedWork)
                + " に特急料金はかかりません（追加工数 "
                + hours.ja()
                + " ÷ 1日"
                + Wording.hours(policy.dailyCapacityHours()).ja()
                + " = "
                + days.ja()
                + "の延長で足ります）= "
                + money(zero),
            "No rush surcharge on added work of "
                + money(addedWork)
                + ": the due date moves "
                + moved.en()
                + " later, enough for "
                + hours.en()
                + " of added work at "
                + Wording.hours(policy.dailyCapacityHours()).en()
                + " a day ("
                + days.en()
                + ") = "
                + money(zero));
        return new RushSurcharge(BigDecimal.ZERO, daysLeft, addedWork, zero);
      }
      Money amount = addedWork.times(rate, RoundingMode.HALF_UP);
      Bilingual left = Wording.days(daysLeft);
      add(
          RUSH_SURCHARGE,
          null,
          null,
          amount,
          "追加作業 "
              + money(addedWork)
              + " に特急料金 "
              + percent(rate)
              + "（納期まで残り"
              + left.ja()
              + "）= "
              + money(amount),
          "Rush surcharge "
              + percent(rate)
              + " on added work of "
              + money(addedWork)
              + " ("
              + left.en()
              + " left until the due date) = "
              + money(amount));
      return new RushSurcharge(rate, daysLeft, addedWork, amount);
    }

    /**
     * Hours of added work: hours and days by their quantity, other units by their amount at the
     * policy's hourly estimate. Null, with a warning, when the policy has no estimate for the
     * currency: the quote is still priced, only the extension cannot be sized.
     */
    private BigDecimal addedHours() {
      if (!addedWorkByAmount.isPositive()) {
        return addedHoursByTime;
      }
      Money perHour = policy.hourlyEstimate(currency).orElse(null);
      if (perHour == null) {
        if (!missingEstimateNoted) {
          missingEstimateNoted = true;
          warn(
              null,
              "発注者の料金設定に "
                  + currency.getCurrencyCode()
                  + " の1時間あたりの見積額がないため、特急料金を避ける納期延長の日数を計算できません。",
              "The agency's pricing policy has no hourly estimate in "
                  + currency.getCurrencyCode()
                  + ", so the due-date extension that would avoid the surcharge cannot be sized.");
        }
        return null;
      }
      return addedHoursByTime.add(
          addedWorkByAmount.amount().divide(perHour.amount(), 2, RoundingMode.HALF_UP));
    }

    /** Calendar days of extension so many added hours need, at least one. */
    private long extensionDays(BigDecimal hours) {
      BigDecimal days = hours.divide(policy.dailyCapacityHours(), 0, RoundingMode.CEILING);
      return Math.max(1, days.longValueExact());
    }

    /** The money of a change with this tax-exclusive delta, against the agreed fee before it. */
    private QuoteTotals totals(Money subtotal, Money feeBefore) {
      Money tax = Totals.taxOn(subtotal);
      Money total = subtotal.plus(tax);
      Money withholding = zero;
      if (input.withholding()) {
        withholding = Withholding.on(feeBefore.plus(subtotal)).minus(Withholding.on(feeBefore));
      }
      return new QuoteTotals(subtotal, tax, total, withholding, total.minus(withholding));
    }

    /** The agreed fee before the change: the lines not yet removed. */
    private Money agreedFee() {
      if (!currency.getCurrencyCode().equals("JPY")) {
        throw DomainException.at(
            "withholding", "error.change.withholdingCurrency", currency.getCurrencyCode());
      }
      return AgreedLine.fee(agreement.lines(), currency);
    }

    private void addWork(Unit unit, BigDecimal quantity, Money amount) {
      addedWork = addedWork.plus(amount);
      switch (unit) {
        case HOUR -> addedHoursByTime = addedHoursByTime.add(quantity);
        case DAY ->
            addedHoursByTime = addedHoursByTime.add(quantity.multiply(PricingPolicy.HOURS_PER_DAY));
        default -> addedWorkByAmount = addedWorkByAmount.plus(amount);
      }
    }

    /** The agreed line an edit is about, which must exist, be in scope and be edited once. */
    private AgreedLine editable(int number, String field) {
      AgreedLine line = lines.get(number);
      if (line == null) {
        throw DomainException.at(field + ".number", "error.change.lineNotFound", number);
      }
      if (line.removed()) {
        throw DomainException.at(field + ".number", "error.line.removed");
      }
      if (!edited.add(number)) {
        throw DomainException.at(field + ".number", "error.change.duplicateEdit");
      }
      return line;
    }

    /** Validates a line's new content as the work order does, naming the edit's field. */
    private LineContent content(
        String field,
        String text,
        String acceptanceCriteria,
        BigDecimal quantity,
        Unit unit,
        Money unitPrice) {
      if (unitPrice != null && !unitPrice.currency().equals(currency)) {
        throw DomainException.at(
            field + ".unitPrice", "error.change.currency", currency.getCurrencyCode());
      }
      try {
        return LineContent.of(
            text,
            null,
            acceptanceCriteria,
            quantity,
            unit,
            unitPrice == null ? null : unitPrice.amount(),
            currency);
      } catch (DomainException e) {
        String inner = e.field() == null ? "" : "." + e.field();
        throw DomainException.at(field + inner, e.key(), e.args());
      }
    }

    private void add(
        Kind kind, String ref, String description, Money amount, String ja, String en) {
      if (kind != RUSH_SURCHARGE && kind != KILL_FEE) {
        scopeDelta = scopeDelta.plus(amount);
      }
      breakdown.add(new BreakdownLine(kind, ref, description, amount, ja, en));
    }

    private void warn(String ref, String ja, String en) {
      notes.add(new Note(Severity.WARNING, ref, ja, en));
    }
  }
}
