package jp.ishibashi.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.workorder.MissingTermsException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void theLanguageComesFromAcceptLanguageAndIsJapaneseByDefault() {
    assertThat(ApiLanguage.of(null)).isEqualTo(Locale.JAPANESE);
    assertThat(ApiLanguage.of("")).isEqualTo(Locale.JAPANESE);
    assertThat(ApiLanguage.of("fr-FR, de;q=0.8")).isEqualTo(Locale.JAPANESE);
    assertThat(ApiLanguage.of("en-US,en;q=0.9,ja;q=0.8")).isEqualTo(Locale.ENGLISH);
    assertThat(ApiLanguage.of("ja-JP,en;q=0.5")).isEqualTo(Locale.JAPANESE);
    assertThat(ApiLanguage.of("fr, en;q=0.5")).isEqualTo(Locale.ENGLISH);
    assertThat(ApiLanguage.of("*")).isEqualTo(Locale.JAPANESE);
    assertThat(ApiLanguage.of("not a language range ;;;")).isEqualTo(Locale.JAPANESE);
  }

  @Test
  void aRefusedRuleIs400WithItsKeyFieldAndTextInTheRequestedLanguage() {
    DomainException refused =
        DomainException.at("paymentDueDate", "error.workOrder.paymentTooLate", 60);

    Problem en = Problems.of(refused, Locale.ENGLISH);
    assertThat(en.status()).isEqualTo(400);
    assertThat(en.type()).isEqualTo("about:blank");
    assertThat(en.title()).isEqualTo("Bad Request");
    assertThat(en.key()).isEqualTo("error.workOrder.paymentTooLate");
    assertThat(en.field()).isEqualTo("paymentDueDate");
    assertThat(en.detail())
        .isEqualTo("The payment due date must be within 60 days of delivery (Freelance Act).");

    Problem ja = Problems.of(refused, Locale.JAPANESE);
    assertThat(ja.detail()).isEqualTo("支払期日は納品から60日以内にしてください（フリーランス新法）。");
  }

  @Test
  void missingTermsAreListedAsTextsAndKeys() {
    Problem p =
        Problems.of(
            new MissingTermsException(List.of("terms.deliveryDate", "terms.paymentMethod")),
            Locale.ENGLISH);

    assertThat(p.status()).isEqualTo(400);
    assertThat(p.key()).isEqualTo("error.workOrder.missingTerms");
    assertThat(p.missing()).containsExactly("the delivery date", "the payment method");
    assertThat(p.missingKeys()).containsExactly("terms.deliveryDate", "terms.paymentMethod");
    assertThat(p.detail()).endsWith("missing: the delivery date, the payment method");
  }

  @Test
  void notFoundAndConflictsHaveTheirOwnStatusesEvenWhenWrapped() {
    assertThat(Problems.of(new NotFoundException(), Locale.ENGLISH).status()).isEqualTo(404);
    assertThat(Problems.of(new ConflictException(), Locale.ENGLISH).status()).isEqualTo(409);

    Throwable atCommit =
        new EJBTransactionRolledbackException(
            "rolled back", new RollbackException(new OptimisticLockException("stale")));
    Problem p = Problems.of(atCommit, Locale.ENGLISH);
    assertThat(p.status()).isEqualTo(409);
    assertThat(p.key()).isEqualTo("error.conflict");

    EJBException wrapped = new EJBException(new OptimisticLockException("stale"));
    assertThat(Problems.isConflict(wrapped)).isTrue();
    assertThat(Problems.isConflict(new DomainException("error.line.unchanged"))).isFalse();
  }

  @Test
  void aConflictCarriesTheCurrentStateOnlyWhenItIsOne() {
    Object current = List.of("the current order");
    assertThat(
            Problems.of(new ProblemException(new ConflictException(), current), Locale.ENGLISH)
                .current())
        .isSameAs(current);
    assertThat(
            Problems.of(new ProblemException(new NotFoundException(), current), Locale.ENGLISH)
                .current())
        .isNull();
  }

  @Test
  void unreadableJsonIs400NamingThePropertyWhenTheParserDoes() {
    Throwable typed =
        new ProcessingException(
            "Error deserializing object from entity stream.",
            new JsonbException(
                "Unable to deserialize property 'deliveryDate' because of: Error parsing",
                new JsonbException("Error parsing class java.time.LocalDate")));
    Problem p = Problems.of(typed, Locale.ENGLISH);
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.key()).isEqualTo("error.api.malformed");
    assertThat(p.field()).isEqualTo("deliveryDate");

    Problem syntax =
        Problems.of(new JsonbException("Internal error: Unexpected char 98"), Locale.ENGLISH);
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.field()).isNull();
  }

  @Test
  void anythingElseIs500WithAnIdAndNoInternals() {
    Problem p =
        Problems.of(new EJBException(new NullPointerException("secret internals")), Locale.ENGLISH);

    assertThat(p.status()).isEqualTo(500);
    assertThat(p.key()).isEqualTo("error.unexpected");
    assertThat(p.instance()).startsWith("urn:uuid:");
    assertThat(p.detail()).doesNotContain("secret").doesNotContain("NullPointer");
  }

  @Test
  void aLockHeldTooLongIsAConflictToRetryNotAnUnexpectedFailure() {
    for (RuntimeException timeout :
        List.of(
            new jakarta.persistence.PessimisticLockException("Timeout trying to lock table"),
            new jakarta.persistence.LockTimeoutException("lock timeout"))) {
      Problem p =
          Problems.of(new EJBTransactionRolledbackException("rolled back", timeout), Locale.ENGLISH);
      assertThat(p.status()).isEqualTo(409);
      assertThat(p.key()).isEqualTo("error.conflict");
      assertThat(Problems.isConflict(timeout)).isTrue();
    }
  }
}
