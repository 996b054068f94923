package jp.ishibashi.shared;

import jakarta.ejb.ApplicationException;

/**
 * The thing asked for does not exist for this caller: it is missing, or it belongs to another
 * tenant or party. Both look the same from outside, so that ids of others are never confirmed.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends DomainException {
  public NotFoundException() {
    super("error.notFound");
  }
}
