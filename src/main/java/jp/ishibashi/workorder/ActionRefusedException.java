package jp.ishibashi.workorder;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Set;
import jp.ishibashi.shared.DomainException;

/**
 * The {@link Lifecycle} table refuses the action in the order's state or to the caller's side: a
 * conflict with the order's state (409 on the API), naming what the caller may do now. Nothing
 * changed.
 */
@ApplicationException(rollback = true)
public class ActionRefusedException extends DomainException {

  private final transient List<OrderAction> allowed;

  public ActionRefusedException(String key, Set<OrderAction> allowed) {
    super(key);
    this.allowed = List.copyOf(allowed);
  }

  /** What the caller may do now instead. */
  public List<OrderAction> allowed() {
    return allowed;
  }
}
