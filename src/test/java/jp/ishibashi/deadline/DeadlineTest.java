package jp.ishibashi.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private static final Instant DUE = Instant.parse("2026-05-08T15:00:00.123456789Z");

  @Test
  void aNewDeadlineIsPendingAtItsTimeAsTheDatabaseKeepsIt() {
    Deadline deadline = new Deadline("delivery.review", 42, DUE);

    assertThat(deadline.getState()).isEqualTo(Deadline.State.PENDING);
    assertThat(deadline.getDueAt()).isEqualTo(Instant.parse("2026-05-08T15:00:00.123456Z"));
    assertThat(deadline.getFiredAt()).isNull();
    assertThat(deadline.getClaimedBy()).isNull();
  }

  @Test
  void kindsAreDottedNames() {
    assertThat(Deadline.requireKind("quote.expiry")).isEqualTo("quote.expiry");
    assertThat(Deadline.requireKind("delivery.deemedAcceptance")).isNotNull();
    for (String bad :
        new String[] {
          null,
          "",
          "Delivery.review",
          "delivery..review",
          "delivery.",
          "納品",
          "a b",
          "x".repeat(Deadline.MAX_KIND + 1)
        }) {
      assertThatThrownBy(() -> new Deadline(bad, 1, DUE))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aPendingDeadlineMovesOrIsCancelledAndThenStaysCancelled() {
    Deadline deadline = new Deadline("delivery.review", 42, DUE);

    deadline.moveTo(DUE.plusSeconds(3600));
    assertThat(deadline.getDueAt()).isEqualTo(Instant.parse("2026-05-08T16:00:00.123456Z"));
    deadline.cancel();
    assertThat(deadline.getState()).isEqualTo(Deadline.State.CANCELLED);

    assertThatThrownBy(deadline::cancel).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> deadline.moveTo(DUE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void observersPickTheirKind() {
    DeadlineDue due = new DeadlineDue(7, "quote.expiry", 3, 42, DUE);

    assertThat(due.is("quote.expiry")).isTrue();
    assertThat(due.is("delivery.review")).isFalse();
  }

  @Test
  void theNodeNameFitsItsColumn() {
    assertThat(DeadlinePoller.node("1234@portal-1")).isEqualTo("1234@portal-1");
    assertThat(DeadlinePoller.node("9".repeat(150))).hasSize(100);
  }
}
