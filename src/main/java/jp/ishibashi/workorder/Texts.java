package jp.ishibashi.workorder;

import jp.ishibashi.shared.DomainException;

/** Validation of the free texts of work orders: trimmed, length-limited, tied to their field. */
final class Texts {

  private Texts() {}

  static String required(String value, String field, int max) {
    String text = optional(value, field, max);
    if (text == null) {
      throw DomainException.at(field, "error.field.required");
    }
    return text;
  }

  /** The trimmed text, or null when blank; refused when longer than {@code max} characters. */
  static String optional(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.codePointCount(0, text.length()) > max) {
      throw DomainException.at(field, "error.text.tooLong", max);
    }
    return text;
  }
}
