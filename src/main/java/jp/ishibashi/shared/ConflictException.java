package jp.ishibashi.shared;

import jakarta.ejb.ApplicationException;

/**
 * Someone else changed the thing since the caller last saw it (optimistic locking). Nothing was
 * overwritten; the caller is shown the current state and may try again.
 */
@ApplicationException(rollback = true)
public class ConflictException extends DomainException {
  public ConflictException() {
    super("error.conflict");
  }
}
