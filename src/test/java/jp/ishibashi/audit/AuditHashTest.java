package jp.ishibashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  private static final Instant AT = Instant.parse("2026-04-01T09:30:00.120Z");

  /** An event's fields in the order of {@link AuditHash#of}. */
  private static final Object[] SENT = {
    7L,
    3L,
    AT,
    42L,
    "WORK_ORDER_SENT",
    "WorkOrder",
    1234L,
    "WO-2026-0001 送付",
    "203.0.113.5",
    AuditHash.GENESIS
  };

  /** For each field, another value of it. */
  private static final Object[] OTHER = {
    8L,
    4L,
    AT.plusNanos(1000),
    43L,
    "WORK_ORDER_CREATED",
    "Agreement",
    1235L,
    "WO-2026-0001 送付 ",
    "203.0.113.6",
    "1" + AuditHash.GENESIS.substring(1)
  };

  private static String hash(Object... f) {
    return AuditHash.of(
        (long) f[0],
        (long) f[1],
        (Instant) f[2],
        (long) f[3],
        (String) f[4],
        (String) f[5],
        (long) f[6],
        (String) f[7],
        (String) f[8],
        (String) f[9]);
  }

  private static Object[] sentWith(int field, Object value) {
    Object[] fields = SENT.clone();
    fields[field] = value;
    return fields;
  }

  @Test
  void theHashIsStableAndDocumented() {
    // Computed independently from the encoding in AuditHash's Javadoc, so an auditor outside the
    // portal can recompute it the same way.
    assertThat(hash(SENT))
        .isEqualTo("33df7bd8d90d155ab4d5984c3dedc4235d45d2bd073b7bff1efadf8eb3f31134")
        .isEqualTo(hash(SENT.clone()));
    assertThat(hash(sentWith(8, null)))
        .as("an absent IP")
        .isEqualTo("473c482894fd4cf59046c4e00bf34cf44b7ada26f91986009c0762d3825613b1");
  }

  @Test
  void everyFieldChangesTheHash() {
    Set<String> hashes = new HashSet<>();
    hashes.add(hash(SENT));
    for (int field = 0; field < SENT.length; field++) {
      assertThat(hashes.add(hash(sentWith(field, OTHER[field])))).as("field %d", field).isTrue();
    }
    assertThat(hashes.add(hash(sentWith(7, null)))).as("details absent").isTrue();
    assertThat(hashes.add(hash(sentWith(8, null)))).as("IP absent").isTrue();
  }

  @Test
  void textsCannotBeShiftedFromOneFieldToTheNext() {
    // Without lengths, "a|b" + "c" and "a" + "b|c" would encode alike.
    String one = AuditHash.of(1, 1, AT, 1, "A", "WorkOrder", 1, "x", "y", AuditHash.GENESIS);
    String two = AuditHash.of(1, 1, AT, 1, "A", "WorkOrder", 1, "xy", "", AuditHash.GENESIS);
    String three = AuditHash.of(1, 1, AT, 1, "A", "WorkOrder", 1, "", "xy", AuditHash.GENESIS);
    String nulls = AuditHash.of(1, 1, AT, 1, "A", "WorkOrder", 1, null, "", AuditHash.GENESIS);
    String empties = AuditHash.of(1, 1, AT, 1, "A", "WorkOrder", 1, "", "", AuditHash.GENESIS);
    assertThat(Set.of(one, two, three, nulls, empties)).hasSize(5);
  }

  @Test
  void timesAreHashedToTheMicrosecondInUtc() {
    Instant withNanos = Instant.parse("2026-04-01T09:30:00.123456789Z");
    Instant cut = AuditHash.micros(withNanos);

    assertThat(cut).isEqualTo(Instant.parse("2026-04-01T09:30:00.123456Z"));
    assertThat(AuditHash.time(cut)).isEqualTo("2026-04-01T09:30:00.123456Z");
    assertThat(AuditHash.time(Instant.parse("2026-04-01T00:00:00Z")))
        .isEqualTo("2026-04-01T00:00:00.000000Z");
    assertThat(AuditHash.micros(cut)).isEqualTo(cut);
  }

  @Test
  void aTimeWithNanosecondsIsRefusedRatherThanHashedDifferentlyFromTheStoredOne() {
    Instant withNanos = Instant.parse("2026-04-01T09:30:00.123456789Z");
    assertThatThrownBy(
            () ->
                AuditHash.of(
                    1, 1, withNanos, 1, "A", "WorkOrder", 1, null, null, AuditHash.GENESIS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventCutsItsTimeAndHashesWhatItStores() {
    Instant withNanos = Instant.parse("2026-04-01T09:30:00.123456789Z");
    AuditEvent event =
        new AuditEvent(
            7,
            1,
            withNanos,
            42,
            "WORK_ORDER_CREATED",
            "WorkOrder",
            1,
            "d",
            "::1",
            AuditHash.GENESIS);

    assertThat(event.getAt()).isEqualTo(AuditHash.micros(withNanos));
    assertThat(event.getHash())
        .isEqualTo(
            AuditHash.of(
                7,
                1,
                event.getAt(),
                42,
                "WORK_ORDER_CREATED",
                "WorkOrder",
                1,
                "d",
                "::1",
                AuditHash.GENESIS))
        .isEqualTo(event.computeHash(7));
    assertThat(event.computeHash(8)).isNotEqualTo(event.getHash());
  }

  @Test
  void detailsAreStoredAsTheDatabaseGivesThemBack() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String longText = "a".repeat(AuditEvent.MAX_DETAILS - 1) + emoji;

    assertThat(AuditEvent.storable("short", AuditEvent.MAX_DETAILS)).isEqualTo("short");
    assertThat(AuditEvent.storable(null, AuditEvent.MAX_DETAILS)).isNull();
    assertThat(AuditEvent.storable("b".repeat(5000), AuditEvent.MAX_DETAILS))
        .hasSize(AuditEvent.MAX_DETAILS);
    assertThat(AuditEvent.storable(longText, AuditEvent.MAX_DETAILS))
        .isEqualTo("a".repeat(AuditEvent.MAX_DETAILS - 1));
    assertThat(AuditEvent.storable("x\uD83Dy", 10)).isEqualTo("x?y");
    assertThat(AuditEvent.storable("x\0y", 10)).isEqualTo("x\uFFFDy");
    assertThat(AuditEvent.storable("受注者 " + emoji, 10)).isEqualTo("受注者 " + emoji);
  }
}
