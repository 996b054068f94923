package jp.ishibashi.account;

import jp.ishibashi.shared.DomainException;

/** The rules a new password must meet. */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Refuses a password that is too short or too long. */
  public static void check(String password) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new DomainException("error.password.tooShort", MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw new DomainException("error.password.tooLong", MAX_LENGTH);
    }
  }
}
