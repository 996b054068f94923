package jp.ishibashi.workorder;

import jakarta.ejb.ApplicationException;
import java.util.List;
import jp.ishibashi.shared.DomainException;

/** Sending refused: the listed required terms (message keys) are missing. */
@ApplicationException(rollback = true)
public class MissingTermsException extends DomainException {

  private final List<String> missing;

  public MissingTermsException(List<String> missing) {
    super("error.workOrder.missingTerms");
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
