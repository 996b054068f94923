package jp.ishibashi.account;

import jp.ishibashi.shared.DomainException;

/** Rules shared by the ways an account is created. */
final class Accounts {

  private Accounts() {}

  /** One account per e-mail address. */
  static void refuseTaken(AccountDirectory directory, EmailAddress email) {
    if (directory.accountByEmail(email.value()).isPresent()) {
      throw new DomainException("error.email.taken");
    }
  }
}
