package jp.ishibashi.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A minimal JSON writer whose output depends only on the values written, in the order written:
 * no whitespace, numbers as plain decimals with trailing zeros removed, every non-ASCII character
 * written as itself (UTF-8 is hashed) and nulls written as {@code null}. It is deliberately not a
 * general JSON library: its only job is a stable text to hash.
 */
final class CanonicalJson {

  private final StringBuilder out = new StringBuilder(4096);
  /** Whether the next value in the current object or array needs a comma before it. */
  private boolean comma;

  CanonicalJson beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  CanonicalJson endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  CanonicalJson beginArray() {
    out.append('[');
    comma = false;
    return this;
  }

  CanonicalJson endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  /** Writes a member name; the next call writes its value. */
  CanonicalJson name(String name) {
    separate();
    string(name);
    out.append(':');
    comma = false;
    return this;
  }

  CanonicalJson field(String name, String value) {
    name(name);
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    comma = true;
    return this;
  }

  CanonicalJson field(String name, long value) {
    name(name);
    out.append(value);
    comma = true;
    return this;
  }

  CanonicalJson field(String name, BigDecimal value) {
    name(name);
    out.append(value == null ? "null" : plain(value));
    comma = true;
    return this;
  }

  CanonicalJson field(String name, LocalDate value) {
    return field(name, value == null ? null : value.toString());
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (comma) {
      out.append(',');
    }
  }

  /** 1.50 and 1.5 are the same quantity, so they must give the same text. */
  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
