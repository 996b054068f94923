package jp.ishibashi.workorder;

import static jp.ishibashi.workorder.OrderAction.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole transition table: every state, with and without an amendment awaiting
 * signatures, every side and every action. What is allowed is exactly the table of
 * docs/architecture.md; everything else is refused with a reason that has a text in both
 * languages.
 */
class LifecycleTest {

  private static final Map<WorkOrderStatus, Set<OrderAction>> AGENCY =
      Map.of(
          WorkOrderStatus.DRAFT, EnumSet.of(EDIT_TERMS, EDIT_LINES, SEND, CANCEL),
          WorkOrderStatus.NEGOTIATING, EnumSet.of(EDIT_TERMS, EDIT_LINES, ANSWER_LINES, CANCEL),
          WorkOrderStatus.AGREED, EnumSet.of(EDIT_TERMS, EDIT_LINES, ANSWER_LINES, SIGN, CANCEL),
          WorkOrderStatus.SIGNED, EnumSet.of(FUND, CHANGE, CANCEL),
          WorkOrderStatus.FUNDED,
              EnumSet.of(FUND_EXTRA, CHANGE, TERMINATE, DEMAND, END_FOR_NON_PERFORMANCE),
          WorkOrderStatus.DELIVERED, EnumSet.of(REVIEW, FUND_EXTRA),
          WorkOrderStatus.PAID, EnumSet.noneOf(OrderAction.class),
          WorkOrderStatus.CANCELLED, EnumSet.noneOf(OrderAction.class));

  private static final Map<WorkOrderStatus, Set<OrderAction>> SUBCONTRACTOR =
      Map.of(
          WorkOrderStatus.DRAFT, EnumSet.noneOf(OrderAction.class),
          WorkOrderStatus.NEGOTIATING, EnumSet.of(EDIT_LINES, ANSWER_LINES, ACCEPT_TERMS, CANCEL),
          WorkOrderStatus.AGREED, EnumSet.of(EDIT_LINES, ANSWER_LINES, ACCEPT_TERMS, SIGN, CANCEL),
          WorkOrderStatus.SIGNED, EnumSet.of(CHANGE, CANCEL),
          WorkOrderStatus.FUNDED, EnumSet.of(START, DELIVER, CHANGE, WITHDRAW),
          WorkOrderStatus.DELIVERED, EnumSet.noneOf(OrderAction.class),
          WorkOrderStatus.PAID, EnumSet.noneOf(OrderAction.class),
          WorkOrderStatus.CANCELLED, EnumSet.noneOf(OrderAction.class));

  @Test
  void theTableAllowsExactlyWhatTheArchitectureSays() {
    for (WorkOrderStatus status : WorkOrderStatus.values()) {
      assertThat(Lifecycle.allowed(status, false, Party.AGENCY)).as("agency, " + status)
          .isEqualTo(AGENCY.get(status));
      assertThat(Lifecycle.allowed(status, false, Party.SUBCONTRACTOR))
          .as("subcontractor, " + status)
          .isEqualTo(SUBCONTRACTOR.get(status));
    }
  }

  @Test
  void anAmendmentAwaitingSignaturesAllowsSigningAndEndingButNoWorkOrMoney() {
    assertThat(Lifecycle.allowed(WorkOrderStatus.SIGNED, true, Party.AGENCY))
        .containsExactlyInAnyOrder(SIGN, CANCEL);
    assertThat(Lifecycle.allowed(WorkOrderStatus.FUNDED, true, Party.AGENCY))
        .containsExactlyInAnyOrder(SIGN, FUND_EXTRA, TERMINATE);
    assertThat(Lifecycle.allowed(WorkOrderStatus.FUNDED, true, Party.SUBCONTRACTOR))
        .containsExactlyInAnyOrder(SIGN, WITHDRAW);
    // Before signing there is no amendment: the flag does not change those states.
    assertThat(Lifecycle.allowed(WorkOrderStatus.NEGOTIATING, true, Party.SUBCONTRACTOR))
        .isEqualTo(SUBCONTRACTOR.get(WorkOrderStatus.NEGOTIATING));
  }

  @Test
  void afterSigningNobodyEditsTheAgreedContentAndTerminalStatesAllowNothing() {
    Set<OrderAction> edits = EnumSet.of(EDIT_TERMS, EDIT_LINES, ANSWER_LINES, ACCEPT_TERMS, SEND);
    for (WorkOrderStatus status : WorkOrderStatus.values()) {
      if (status.compareTo(WorkOrderStatus.SIGNED) < 0) {
        continue;
      }
      for (Party party : Party.values()) {
        for (boolean pending : new boolean[] {false, true}) {
          assertThat(Lifecycle.allowed(status, pending, party)).doesNotContainAnyElementsOf(edits);
          for (OrderAction edit : edits) {
            assertThat(Lifecycle.refusal(edit, status, pending, party))
                .isIn(
                    "error.workOrder.signed",
                    "error.delivery.agencyOnly",
                    "error.delivery.subcontractorOnly",
                    "error.lifecycle.paid",
                    "error.lifecycle.cancelled");
          }
        }
        if (Lifecycle.isTerminal(status)) {
          assertThat(Lifecycle.allowed(status, false, party)).isEmpty();
          assertThat(Lifecycle.allowed(status, true, party)).isEmpty();
        }
      }
    }
  }

  @Test
  void duringAReviewNobodyEndsTheOrderAlone() {
    for (Party party : Party.values()) {
      assertThat(Lifecycle.allowed(WorkOrderStatus.DELIVERED, false, party))
          .doesNotContain(CANCEL, TERMINATE, WITHDRAW, END_FOR_NON_PERFORMANCE, CHANGE);
    }
    assertThat(Lifecycle.refusal(WITHDRAW, WorkOrderStatus.DELIVERED, false, Party.SUBCONTRACTOR))
        .isEqualTo("error.cancel.underReview");
  }

  @Test
  void everyRefusalNamesAReasonWithATextInBothLanguages() throws IOException {
    Properties english = load("/jp/ishibashi/web/messages.properties");
    Properties japanese = load("/jp/ishibashi/web/messages_ja.properties");
    int refusals = 0;
    for (WorkOrderStatus status : WorkOrderStatus.values()) {
      for (boolean pending : new boolean[] {false, true}) {
        for (Party party : Party.values()) {
          for (OrderAction action : OrderAction.values()) {
            if (Lifecycle.allowed(status, pending, party).contains(action)) {
              continue;
            }
            String key = Lifecycle.refusal(action, status, pending, party);
            String where = action + " by " + party + " in " + status + (pending ? "+pending" : "");
            assertThat(english).as(where).containsKey(key);
            assertThat(japanese).as(where).containsKey(key);
            refusals++;
          }
        }
      }
    }
    assertThat(refusals).isGreaterThan(400);
  }

  @Test
  void anotherSidesActionIsRefusedAsTheirs() {
    assertThat(Lifecycle.refusal(FUND, WorkOrderStatus.SIGNED, false, Party.SUBCONTRACTOR))
        .isEqualTo("error.delivery.agencyOnly");
    assertThat(Lifecycle.refusal(DELIVER, WorkOrderStatus.SIGNED, false, Party.AGENCY))
        .isEqualTo("error.delivery.subcontractorOnly");
    assertThat(Lifecycle.refusal(DELIVER, WorkOrderStatus.SIGNED, false, Party.SUBCONTRACTOR))
        .isEqualTo("error.delivery.notFunded");
    assertThat(Lifecycle.refusal(CHANGE, WorkOrderStatus.FUNDED, true, Party.AGENCY))
        .isEqualTo("error.change.amendmentPending");
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LifecycleTest.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
