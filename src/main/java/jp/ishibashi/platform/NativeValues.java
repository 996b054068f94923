package jp.ishibashi.platform;

import java.sql.Clob;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Column values of native SQL results as the JDBC drivers hand them over: H2 and PostgreSQL differ. */
public final class NativeValues {

  private NativeValues() {}

  /** A {@code timestamp with time zone} column. */
  public static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }

  /** A {@code date} column. */
  public static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("Unexpected date type " + value.getClass());
  }

  /** A {@code text} column: a String, or a CLOB on H2. */
  public static String text(Object value) {
    if (value instanceof Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (SQLException e) {
        throw new IllegalStateException("A text column could not be read", e);
      }
    }
    return (String) value;
  }
}
