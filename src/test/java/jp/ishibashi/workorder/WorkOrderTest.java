package jp.ishibashi.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import jp.ishibashi.account.EmailAddress;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  static final UserAccount SUB =
      new UserAccount(
          EmailAddress.of("yamada@example.jp"), "山田 太郎", "hash", UserAccount.Kind.SUBCONTRACTOR, NOW);

  static Terms completeTerms() {
    return new Terms(
        "コーポレートサイト改修",
        "トップページと会社概要の改修",
        null,
        "ja",
        "JPY",
        TODAY,
        null,
        TODAY.plusDays(30),
        "メールにて納品",
        7,
        TODAY.plusDays(60),
        "銀行振込（月末締め翌月末払い）");
  }

  static LineContent line(String text, String quantity, String price) {
    return LineContent.of(
        text, "デザインカンプ", "レビューで合意", new BigDecimal(quantity), Unit.PAGE, new BigDecimal(price), java.util.Currency.getInstance("JPY"));
  }

  static WorkOrder draft() {
    WorkOrder order = new WorkOrder("WO-2026-0001", 1L, NOW);
    order.revise(completeTerms(), SUB, TODAY);
    return order;
  }

  static WorkOrder sentWithOneLine() {
    WorkOrder order = draft();
    order.addLine(line("トップページ", "1", "100000"), Party.AGENCY);
    order.send(NOW);
    return order;
  }

  @Test
  void aDraftCannotBeSentUntilTheRequiredTermsArePresent() {
    WorkOrder order = new WorkOrder("WO-2026-0001", 1L, NOW);
    order.revise(new Terms("題名", null, null, null, null, null, null, null, null, null, null, null), null, TODAY);

    assertThatThrownBy(() -> order.send(NOW))
        .isInstanceOfSatisfying(
            MissingTermsException.class,
            e ->
                assertThat(e.missing())
                    .containsExactly(
                        "terms.subcontractor",
                        "terms.commissionedOn",
                        "terms.lines",
                        "terms.deliveryDate",
                        "terms.placeOfDelivery",
                        "terms.paymentDueDate",
                        "terms.paymentMethod"));
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.DRAFT);
  }

  @Test
  void aLineWithoutADeliverableOrAZeroFeeIsMissingTerms() {
    WorkOrder order = draft();
    order.addLine(
        LineContent.of("打合せ", null, null, BigDecimal.ONE, Unit.HOUR, BigDecimal.ZERO, order.currencyUnit()),
        Party.AGENCY);
    assertThat(order.missingTerms()).containsExactly("terms.deliverable", "terms.fee");
  }

  @Test
  void aPaymentDueDateMoreThanSixtyDaysAfterDeliveryIsRefused() {
    Terms late =
        new Terms("題名", null, null, "ja", "JPY", TODAY, null, TODAY.plusDays(10), "x", 7, TODAY.plusDays(71), "振込");
    WorkOrder order = new WorkOrder("WO-2026-0001", 1L, NOW);

    assertThatThrownBy(() -> order.revise(late, SUB, TODAY))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.key()).isEqualTo("error.workOrder.paymentTooLate");
              assertThat(e.field()).isEqualTo("paymentDueDate");
            });
    Terms onTheDay =
        new Terms("題名", null, null, "ja", "JPY", TODAY, null, TODAY.plusDays(10), "x", 7, TODAY.plusDays(70), "振込");
    order.revise(onTheDay, SUB, TODAY);
    assertThat(order.getPaymentDueDate()).isEqualTo(TODAY.plusDays(70));
  }

  @Test
  void pastDeliveryDatesUnknownCurrenciesAndLanguagesAreRefused() {
    WorkOrder order = new WorkOrder("WO-2026-0001", 1L, NOW);
    Terms past = new Terms("題名", null, null, "ja", "JPY", TODAY, null, TODAY.minusDays(1), null, 7, null, null);
    Terms currency = new Terms("題名", null, null, "ja", "ABC", TODAY, null, null, null, 7, null, null);
    Terms language = new Terms("題名", null, null, "fr", "JPY", TODAY, null, null, null, 7, null, null);
    Terms noTitle = new Terms(" ", null, null, "ja", "JPY", TODAY, null, null, null, 7, null, null);

    assertThatThrownBy(() -> order.revise(past, SUB, TODAY)).hasMessage("error.workOrder.deliveryInPast");
    assertThatThrownBy(() -> order.revise(currency, SUB, TODAY)).hasMessage("error.currency.unknown");
    assertThatThrownBy(() -> order.revise(language, SUB, TODAY)).hasMessage("error.workOrder.language");
    assertThatThrownBy(() -> order.revise(noTitle, SUB, TODAY)).hasMessage("error.field.required");
  }

  @Test
  void theOrderIsAgreedWhenTheTermsAndEveryLineAreAccepted() {
    WorkOrder order = sentWithOneLine();
    ScopeLine first = order.getLines().get(0);
    ScopeLine second = order.addLine(line("会社概要", "2", "50000"), Party.AGENCY);

    order.acceptLine(first, Party.SUBCONTRACTOR, NOW);
    order.acceptTerms(Party.SUBCONTRACTOR, NOW);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.NEGOTIATING);

    order.acceptLine(second, Party.SUBCONTRACTOR, NOW);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.AGREED);
    assertThat(order.getAgreedAt()).isEqualTo(NOW);
  }

  @Test
  void aCounterProposalIsAnsweredByTheOtherSide() {
    WorkOrder order = sentWithOneLine();
    order.acceptTerms(Party.SUBCONTRACTOR, NOW);
    ScopeLine line = order.getLines().get(0);

    ScopeLine.Action action = order.editLine(line, line("トップページ", "1", "120000"), Party.SUBCONTRACTOR);
    assertThat(action).isEqualTo(ScopeLine.Action.COUNTERED);
    assertThat(line.getProposedBy()).isEqualTo(Party.SUBCONTRACTOR);
    assertThat(order.awaits(Party.AGENCY)).isTrue();
    assertThatThrownBy(() -> order.acceptLine(line, Party.SUBCONTRACTOR, NOW))
        .hasMessage("error.line.ownProposal");

    order.acceptLine(line, Party.AGENCY, NOW);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.AGREED);
    assertThatThrownBy(() -> order.acceptLine(line, Party.AGENCY, NOW))
        .hasMessage("error.line.alreadyAccepted");
  }

  @Test
  void editingAnAgreedLineReopensTheOrder() {
    WorkOrder order = sentWithOneLine();
    order.acceptTerms(Party.SUBCONTRACTOR, NOW);
    ScopeLine line = order.getLines().get(0);
    order.acceptLine(line, Party.SUBCONTRACTOR, NOW);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.AGREED);

    ScopeLine.Action action = order.editLine(line, line("トップページ", "2", "100000"), Party.AGENCY);

    assertThat(action).isEqualTo(ScopeLine.Action.EDITED);
    assertThat(line.getState()).isEqualTo(LineState.PROPOSED);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.NEGOTIATING);
    assertThat(order.getAgreedAt()).isNull();
  }

  @Test
  void revisingTheTermsAfterSendingNeedsTheirAcceptanceAgain() {
    WorkOrder order = sentWithOneLine();
    order.acceptTerms(Party.SUBCONTRACTOR, NOW);
    order.acceptLine(order.getLines().get(0), Party.SUBCONTRACTOR, NOW);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.AGREED);

    order.revise(completeTerms(), SUB, TODAY);

    assertThat(order.getTermsState()).isEqualTo(WorkOrder.TermsState.PROPOSED);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.NEGOTIATING);
    assertThatThrownBy(() -> order.acceptTerms(Party.AGENCY, NOW))
        .hasMessage("error.delivery.subcontractorOnly");
  }

  @Test
  void aRemovalIsProposedAndAcceptedOrRefused() {
    WorkOrder order = sentWithOneLine();
    order.acceptTerms(Party.SUBCONTRACTOR, NOW);
    ScopeLine kept = order.getLines().get(0);
    ScopeLine dropped = order.addLine(line("採用ページ", "1", "30000"), Party.SUBCONTRACTOR);

    order.removeLine(dropped, Party.AGENCY);
    assertThat(dropped.getState()).isEqualTo(LineState.REMOVAL_PROPOSED);
    assertThat(order.acceptLine(dropped, Party.SUBCONTRACTOR, NOW)).isEqualTo(ScopeLine.Action.REMOVED);
    assertThat(order.countedLines()).containsExactly(kept);

    order.removeLine(kept, Party.SUBCONTRACTOR);
    assertThat(order.keepLine(kept, Party.AGENCY)).isEqualTo(ScopeLine.Action.KEPT);
    assertThat(kept.getState()).isEqualTo(LineState.PROPOSED);
    assertThat(kept.getProposedBy()).isEqualTo(Party.AGENCY);

    order.acceptLine(kept, Party.SUBCONTRACTOR, NOW);
    assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.AGREED);
    assertThat(order.totals().subtotal().minor()).isEqualTo(100_000);
  }

  @Test
  void inADraftOnlyTheAgencyWritesAndALineIsSimplyDeleted() {
    WorkOrder order = draft();
    ScopeLine line = order.addLine(line("トップページ", "1", "100000"), Party.AGENCY);
    assertThatThrownBy(() -> order.addLine(line("追加", "1", "1"), Party.SUBCONTRACTOR))
        .hasMessage("error.delivery.agencyOnly");

    assertThat(order.removeLine(line, Party.AGENCY)).isNull();
    assertThat(order.getLines()).isEmpty();
  }

  @Test
  void linesMoveUpAndDown() {
    WorkOrder order = draft();
    ScopeLine a = order.addLine(line("A", "1", "1"), Party.AGENCY);
    ScopeLine b = order.addLine(line("B", "1", "1"), Party.AGENCY);
    ScopeLine c = order.addLine(line("C", "1", "1"), Party.AGENCY);

    order.moveLine(c, -1, Party.AGENCY);
    assertThat(order.getLines()).containsExactly(a, c, b);
    assertThat(order.getLines()).extracting(ScopeLine::getSortOrder).containsExactly(1, 2, 3);
    order.moveLine(a, -1, Party.AGENCY);
    assertThat(order.getLines()).containsExactly(a, c, b);
  }

  @Test
  void theCurrencyCannotChangeOnceThereAreLines() {
    WorkOrder order = draft();
    order.addLine(line("A", "1", "1"), Party.AGENCY);
    Terms dollars =
        new Terms("題名", null, null, "ja", "USD", TODAY, null, null, null, 7, null, null);
    assertThatThrownBy(() -> order.revise(dollars, SUB, TODAY))
        .hasMessage("error.workOrder.currencyLocked");
  }

  @Test
  void sendingTwiceIsRefused() {
    WorkOrder order = sentWithOneLine();
    assertThatThrownBy(() -> order.send(NOW)).hasMessage("error.workOrder.alreadySent");
  }
}
