package jp.ishibashi.shared;

/**
 * Validation of the free texts people type: trimmed, length-limited in characters (a Japanese
 * character counts one), and refused with the name of the field they belong to.
 */
public final class Texts {

  private Texts() {}

  /** The trimmed text; refused when blank, with the generic "required" message. */
  public static String required(String value, String field, int max) {
    return required(value, field, max, "error.field.required");
  }

  /** The trimmed text; refused when blank with the given message key. */
  public static String required(String value, String field, int max, String blankKey) {
    String text = optional(value, field, max);
    if (text == null) {
      throw DomainException.at(field, blankKey);
    }
    return text;
  }

  /** The trimmed text, or null when blank; refused when longer than {@code max} characters. */
  public static String optional(String value, String field, int max) {
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
