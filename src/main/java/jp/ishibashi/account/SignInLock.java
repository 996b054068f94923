package jp.ishibashi.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of a fixed set of rows (migration V14) that sign-in attempts lock to count and record an
 * e-mail address's failures one at a time: an address always maps to the same row, and the row
 * exists whether or not an account does, so unknown addresses behave like known ones.
 */
@Entity
@Table(name = "sign_in_lock")
class SignInLock {

  /** How many rows V14 inserts; changing it needs a migration. */
  static final int STRIPES = 64;

  @Id private Integer stripe;

  protected SignInLock() {}

  static int stripeOf(String email) {
    return Math.floorMod(email.hashCode(), STRIPES);
  }
}
