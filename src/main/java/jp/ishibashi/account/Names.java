package jp.ishibashi.account;

import jp.ishibashi.shared.DomainException;

/** Validation of the names people type: agency names, display names. */
final class Names {

  private Names() {}

  /** The trimmed text, refused when blank or longer than {@code max} characters. */
  static String required(String text, String blankKey, int max) {
    if (text == null || text.isBlank()) {
      throw new DomainException(blankKey);
    }
    String trimmed = text.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      throw new DomainException("error.text.tooLong", max);
    }
    return trimmed;
  }
}
