package jp.ishibashi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one audit event: SHA-256, as 64 lower-case hex digits, over a canonical encoding of
 * everything the event says and of the hash of the event before it in the agency's chain. Editing
 * any stored field, or the order of events, therefore changes a hash that a later verification
 * recomputes.
 *
 * <p>The encoding is meant to be recomputed outside the portal, too. It is a list of texts, each
 * written as a 4-byte big-endian length and then its UTF-8 bytes; an absent text (null) is the
 * length -1 and no bytes. The texts are, in this order: the tag {@value #VERSION}, the tenant id,
 * seq, time, actor id, action, subject type, subject id, details, IP and previous hash. Numbers are
 * written in decimal, and the time in UTC with exactly six decimals, such as {@code
 * 2026-04-01T09:30:00.120000Z}. The lengths make the encoding unambiguous: no choice of texts makes
 * two different events encode alike, whatever separators they contain.
 *
 * <p>Databases keep times to the microsecond, so an event's time must be cut with {@link
 * #micros(Instant)} before it is stored and hashed; a time with nanoseconds would not hash the same
 * once read back.
 */
public final class AuditHash {

  /** Names the encoding, so that a future change of it cannot collide with this one. */
  public static final String VERSION = "ishibashi-audit-v1";

  /** The previous hash of an agency's first event. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  /** The time as the database keeps it: cut to whole microseconds. */
  public static Instant micros(Instant time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  /** The time as it is hashed: UTC, six decimals. */
  static String time(Instant time) {
    return TIME.format(time);
  }

  /**
   * The hash of an event with these fields.
   *
   * @throws IllegalArgumentException when the time has nanoseconds that the database would drop
   */
  public static String of(
      long tenantId,
      long seq,
      Instant at,
      long actorId,
      String action,
      String subjectType,
      long subjectId,
      String details,
      String ip,
      String previousHash) {
    if (!micros(at).equals(at)) {
      throw new IllegalArgumentException("Cut the time to microseconds first: " + at);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(out, VERSION);
    write(out, Long.toString(tenantId));
    write(out, Long.toString(seq));
    write(out, time(at));
    write(out, Long.toString(actorId));
    write(out, action);
    write(out, subjectType);
    write(out, Long.toString(subjectId));
    write(out, details);
    write(out, ip);
    write(out, previousHash);
    return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
  }

  private static void write(ByteArrayOutputStream out, String field) {
    if (field == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
