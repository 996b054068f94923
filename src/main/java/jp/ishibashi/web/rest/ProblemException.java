package jp.ishibashi.web.rest;

/**
 * A failure that carries the current state of what the caller tried to change, so that a conflict
 * (409) answers with it and the client can retry on fresh data.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Object current;

  public ProblemException(Throwable cause, Object current) {
    super(cause);
    this.current = current;
  }

  public Object current() {
    return current;
  }
}
