package jp.ishibashi.account;

import java.time.Instant;

/**
 * The CDI event of a mail about an account, fired in the transaction of what it reports; the
 * notification package observes it and queues the mail there, so it is sent exactly when that
 * transaction commits. The account package never talks to the mail outbox itself.
 *
 * @param kind what the mail says
 * @param tenantId the agency the mail is queued in (the outbox is kept per agency)
 * @param recipient the address it goes to
 * @param token the secret of the link it carries, or null
 * @param expiresAt when that link stops working, or null
 */
public record AccountMailDue(
    Kind kind, long tenantId, String recipient, String token, Instant expiresAt) {

  /** What an account mail says. */
  public enum Kind {
    /** Follow the link to verify the address of a new sign-up. */
    VERIFY_ADDRESS,
    /** Someone tried to sign up with this address, which already has an account. */
    SIGN_UP_ATTEMPTED
  }

  @Override
  public String toString() {
    return "AccountMailDue[" + kind + ", tenant " + tenantId + "]";
  }
}
