package jp.ishibashi.web.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.workorder.ActionRefusedException;
import jp.ishibashi.workorder.MissingTermsException;

/**
 * Turns a failure into problem details. The status follows the first cause that says what went
 * wrong, through EJB and persistence wrappers: a thing not found (404), a conflicting change or a
 * stale version (409), any other refused rule (400), a body that is not the expected JSON (400), a
 * refused HTTP request (its own status); anything else is an unexpected failure (500) whose details
 * stay in the server log.
 */
public final class Problems {

  public static final String PROBLEM_JSON = "application/problem+json";
  public static final MediaType PROBLEM_JSON_TYPE = new MediaType("application", "problem+json");

  static final String MALFORMED = "error.api.malformed";
  static final String UNEXPECTED = "error.unexpected";

  /** Yasson names the property it could not read in its message. */
  private static final Pattern PROPERTY = Pattern.compile("deserialize property '([A-Za-z0-9_]+)'");

  private static final int MAX_DEPTH = 20;

  private Problems() {}

  /** The problem for a failure, in the given language. */
  public static Problem of(Throwable failure, Locale locale) {
    if (failure instanceof ProblemException withCurrent && failure.getCause() != null) {
      Problem problem = of(failure.getCause(), locale);
      return problem.status() == 409 ? problem.withCurrent(withCurrent.current()) : problem;
    }
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = cause(t), depth++) {
      Problem known = known(t, failure, locale);
      if (known != null) {
        return known;
      }
    }
    return Problem.of(500, UNEXPECTED, ApiLanguage.text(locale, UNEXPECTED))
        .withInstance("urn:uuid:" + UUID.randomUUID());
  }

  /** Whether the failure is a conflict (409): an outdated version or a concurrent change. */
  public static boolean isConflict(Throwable failure) {
    return of(failure, Locale.ROOT).status() == 409;
  }

  /** A problem response with the given status and message. */
  public static Response response(Problem problem) {
    return Response.status(problem.status()).type(PROBLEM_JSON_TYPE).entity(problem).build();
  }

  public static Problem problem(int status, Locale locale, String key, Object... args) {
    return Problem.of(status, key, ApiLanguage.text(locale, key, args));
  }

  static String title(int status) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    return type == null ? "HTTP " + status : type.getReasonPhrase();
  }

  private static Problem known(Throwable t, Throwable whole, Locale locale) {
    if (t instanceof MissingTermsException missing) {
      List<String> texts =
          missing.missing().stream().map(k -> ApiLanguage.text(locale, k)).toList();
      String detail =
          ApiLanguage.text(locale, missing.key())
              + " "
              + String.join(Locale.JAPANESE.equals(locale) ? "、" : ", ", texts);
      return Problem.of(400, missing.key(), detail).withMissing(texts, missing.missing());
    }
    if (t instanceof NotFoundException notFound) {
      return problem(404, locale, notFound.key());
    }
    if (t instanceof ConflictException
        || t instanceof jakarta.persistence.OptimisticLockException
        || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException
        // A concurrent change held the row for longer than the database waits: try again.
        || t instanceof jakarta.persistence.PessimisticLockException
        || t instanceof jakarta.persistence.LockTimeoutException) {
      return problem(409, locale, "error.conflict");
    }
    if (t instanceof ActionRefusedException refused) {
      String allowed = jp.ishibashi.web.Pages.allowedNow(locale, refused.allowed());
      return Problem.of(409, refused.key(), ApiLanguage.text(locale, refused.key()) + " " + allowed)
          .withAllowedActions(refused.allowed().stream().map(Enum::name).toList());
    }
    if (t instanceof DomainException refused) {
      return problem(400, locale, refused.key(), refused.args()).withField(refused.field());
    }
    if (t instanceof JsonbException || t instanceof JsonException) {
      return problem(400, locale, MALFORMED).withField(property(whole));
    }
    if (t instanceof WebApplicationException http) {
      int status = http.getResponse().getStatus();
      return switch (status) {
        case 400 ->
            has(whole, NoContentException.class)
                ? problem(400, locale, "error.api.bodyRequired")
                : problem(400, locale, MALFORMED).withField(property(whole));
        case 404 -> problem(404, locale, "error.notFound");
        case 415 -> problem(415, locale, JsonRequestsOnly.KEY);
        default -> problem(status, locale, "error.api.http", status);
      };
    }
    return null;
  }

  private static Throwable cause(Throwable t) {
    if (t.getCause() == null && t instanceof EJBException ejb) {
      return ejb.getCausedByException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = cause(t), depth++) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The JSON property a deserialization failure names, if any. */
  private static String property(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = cause(t), depth++) {
      if (t.getMessage() != null) {
        Matcher m = PROPERTY.matcher(t.getMessage());
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    return null;
  }
}
