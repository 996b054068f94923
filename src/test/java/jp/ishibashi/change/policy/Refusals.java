package jp.ishibashi.change.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ishibashi.shared.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one way these tests check a refusal: the message key, and the field it is shown at. */
final class Refusals {

  private Refusals() {}

  static void assertRefused(ThrowingCallable action, String field, String key) {
    assertThatThrownBy(action)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.field()).isEqualTo(field);
            });
  }
}
