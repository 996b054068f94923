package jp.ishibashi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderMessageTest {

  @Test
  void theAgencyWritingOnASignedUnfundedOrderIsAnInstructionBeforeFunding() {
    assertTrue(OrderMessage.isInstructionBeforeFunding(Party.AGENCY, WorkOrderStatus.SIGNED));
    OrderMessage m =
        new OrderMessage(1, null, Party.AGENCY, WorkOrderStatus.SIGNED, "急ぎで着手してください", Instant.EPOCH);
    assertTrue(m.isBeforeFunding());
  }

  @ParameterizedTest
  @EnumSource(value = WorkOrderStatus.class, names = "SIGNED", mode = EnumSource.Mode.EXCLUDE)
  void theAgencyWritingInAnyOtherStatusIsNot(WorkOrderStatus status) {
    assertFalse(OrderMessage.isInstructionBeforeFunding(Party.AGENCY, status));
  }

  @ParameterizedTest
  @EnumSource(WorkOrderStatus.class)
  void theSubcontractorsMessagesNeverAre(WorkOrderStatus status) {
    assertFalse(OrderMessage.isInstructionBeforeFunding(Party.SUBCONTRACTOR, status));
  }

  @Test
  void theBodyIsTrimmedAndMayHaveFourThousandCharacters() {
    assertEquals("よろしく", OrderMessage.validBody("  よろしく\n"));
    String longest = "あ".repeat(OrderMessage.MAX_BODY);
    assertEquals(longest, OrderMessage.validBody(longest));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void aBlankBodyIsRefused(String body) {
    DomainException e = assertThrows(DomainException.class, () -> OrderMessage.validBody(body));
    assertEquals("error.message.bodyRequired", e.key());
    assertEquals("body", e.field());
    assertThrows(DomainException.class, () -> OrderMessage.validBody(null));
  }

  @Test
  void aBodyLongerThanTheColumnIsRefused() {
    DomainException tooLong =
        assertThrows(
            DomainException.class, () -> OrderMessage.validBody("a".repeat(OrderMessage.MAX_BODY + 1)));
    assertEquals("error.text.tooLong", tooLong.key());
    // 2,001 emoji are 4,002 UTF-16 units: too long for the column though fewer code points.
    String emoji = "\uD83D\uDE00".repeat(OrderMessage.MAX_BODY / 2 + 1);
    assertEquals("error.text.tooLong", assertThrows(DomainException.class, () -> OrderMessage.validBody(emoji)).key());
  }
}
