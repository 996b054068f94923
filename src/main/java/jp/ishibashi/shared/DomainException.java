package jp.ishibashi.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A business rule refused an action. It carries a message key of the {@code messages} bundle and
 * its arguments, so that pages and the API show the reason in the user's language. The
 * transaction is rolled back, so nothing is half-saved.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  private final String key;
  private final transient List<Object> args;
  private final String field;

  public DomainException(String key, Object... args) {
    this(null, key, args);
  }

  private DomainException(String field, String key, Object[] args) {
    super(key);
    this.key = key;
    this.args = List.of(args);
    this.field = field;
  }

  /** A refusal about one input field, such as {@code quantity}, shown beside that field. */
  public static DomainException at(String field, String key, Object... args) {
    return new DomainException(field, key, args);
  }

  /** The input field the refusal is about, or null when it is about the whole action. */
  public String field() {
    return field;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args.toArray();
  }
}
