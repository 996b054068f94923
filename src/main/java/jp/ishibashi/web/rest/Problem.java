package jp.ishibashi.web.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). Members that do not apply
 * are left out of the JSON.
 *
 * @param type always {@code about:blank}: the status and {@code key} tell problems apart
 * @param title the HTTP status phrase
 * @param detail the explanation in the request's language ({@code Accept-Language}, default ja)
 * @param instance for unexpected failures, {@code urn:uuid:…}, the id logged with the stack trace
 * @param key the message key, stable for clients
 * @param field the input field the problem is about
 * @param missing the missing required terms, as texts, when sending is refused
 * @param missingKeys the same terms as message keys
 * @param unlockAt when a locked sign-in opens again
 * @param current the current work order, on a conflict
 */
@JsonbPropertyOrder({
  "type",
  "title",
  "status",
  "detail",
  "instance",
  "key",
  "field",
  "missing",
  "missingKeys",
  "unlockAt",
  "current",
  "allowedActions"
})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String key,
    String field,
    List<String> missing,
    List<String> missingKeys,
    Instant unlockAt,
    Object current,
    List<String> allowedActions) {

  static final String TYPE = "about:blank";

  /** A problem with just a status, key and detail. */
  static Problem of(int status, String key, String detail) {
    return new Problem(
        TYPE, Problems.title(status), status, detail, null, key, null, null, null, null, null,
        null);
  }

  Problem withField(String field) {
    return new Problem(
        type, title, status, detail, instance, key, field, missing, missingKeys, unlockAt, current, allowedActions);
  }

  Problem withInstance(String instance) {
    return new Problem(
        type, title, status, detail, instance, key, field, missing, missingKeys, unlockAt, current, allowedActions);
  }

  Problem withMissing(List<String> texts, List<String> keys) {
    return new Problem(
        type, title, status, detail, instance, key, field, texts, keys, unlockAt, current, allowedActions);
  }

  Problem withUnlockAt(Instant unlockAt) {
    return new Problem(
        type, title, status, detail, instance, key, field, missing, missingKeys, unlockAt, current, allowedActions);
  }

  Problem withAllowedActions(List<String> allowedActions) {
    return new Problem(
        type, title, status, detail, instance, key, field, missing, missingKeys, unlockAt, current,
        allowedActions);
  }

  Problem withCurrent(Object current) {
    return new Problem(
        type, title, status, detail, instance, key, field, missing, missingKeys, unlockAt, current, allowedActions);
  }
}
