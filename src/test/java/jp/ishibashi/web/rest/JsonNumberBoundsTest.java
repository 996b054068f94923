package jp.ishibashi.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonNumberBoundsTest {

  private static final String TWO_TO_THE_70 = BigInteger.TWO.pow(70).toString();

  @ParameterizedTest
  @ValueSource(strings = {"1e308", "1e999999", "1180591620717411303424", "1e300000000", "-1e300000000"})
  void hugeUnitPricesAreRefusedOnTheRawToken(String huge) {
    refused(line("1", huge), "unitPrice", "error.amount.tooLarge");
    refused(line("1", "\"" + huge + "\""), "unitPrice", "error.amount.tooLarge");
  }

  @Test
  void twoToTheSeventyIsTheReproducedValue() {
    assertThat(TWO_TO_THE_70).isEqualTo("1180591620717411303424");
  }

  @Test
  void unitPricesAtMostAHundredBillionWithCents() {
    ok(line("1", "100000000000"));
    ok(line("1", "\"100000000000\""));
    ok(line("1", "12.34"));
    ok(line("1", "-5"));
    refused(line("1", "100000000001"), "unitPrice", "error.amount.tooLarge");
    ok(line("1", "0.0001"));
    refused(line("1", "0.00001"), "unitPrice", "error.number.outOfBounds");
    refused(line("1", "1e-300000000"), "unitPrice", "error.number.outOfBounds");
  }

  @Test
  void quantitiesUpToAMillionWithFourDecimals() {
    ok(line("1000000", "1"));
    ok(line("0.0001", "1"));
    ok(line("\"2.5\"", "1"));
    refused(line("1000001", "1"), "quantity", "error.line.quantity.format");
    refused(line("0.00001", "1"), "quantity", "error.line.quantity.format");
    refused(line("1e300000000", "1"), "quantity", "error.line.quantity.format");
    refused(line("1e-300000000", "1"), "quantity", "error.line.quantity.format");
  }

  @Test
  void anExponentBeyondAnIntIsRefusedNotAFailure() {
    refused(line("1", "1e99999999999"), "unitPrice", "error.number.outOfBounds");
    refused("{\"version\":1e99999999999}", "version", "error.number.outOfBounds");
  }

  @Test
  void longTokensAreRefusedUnread() {
    refused(line("1", "1" + "0".repeat(1000)), "unitPrice", "error.number.outOfBounds");
    refused(line("1", "0." + "0".repeat(1000) + "1"), "unitPrice", "error.number.outOfBounds");
  }

  @Test
  void wrongTypesWhereANumberIsExpectedNameTheField() {
    refused(line("1", "\"abc\""), "unitPrice", "error.api.malformed");
    refused(line("1", "\"\""), "unitPrice", "error.api.malformed");
    refused(line("1", "\"+1\""), "unitPrice", "error.api.malformed");
    refused(line("true", "1"), "quantity", "error.api.malformed");
    refused(line("{}", "1"), "quantity", "error.api.malformed");
    refused(line("[1]", "1"), "quantity", "error.api.malformed");
    ok(line("null", "null"));
  }

  @Test
  void otherNumbersAreWrittenAsWholeNumbersThatFitALong() {
    ok("{\"version\":3,\"subcontractorId\":999999999999999999,\"lineIds\":[1,2]}");
    refused("{\"version\":3.0}", "version", "error.number.outOfBounds");
    refused("{\"version\":1E+2}", "version", "error.number.outOfBounds");
    refused("{\"version\":1.5}", "version", "error.number.outOfBounds");
    refused("{\"version\":1e300000000}", "version", "error.number.outOfBounds");
    refused("{\"lineIds\":[1,1e300000000]}", "lineIds[1]", "error.number.outOfBounds");
    refused("{\"reviewDays\":" + TWO_TO_THE_70 + "}", "reviewDays", "error.number.outOfBounds");
    ok("{\"text\":\"1e300000000\"}");
  }

  @Test
  void textWithANulCharacterIsRefusedAtItsField() {
    refused("{\"title\":\"a\\u0000b\"}", "title", "error.text.nul");
    refused("{\"edits\":[{\"reason\":\"\\u0000\"}]}", "edits[0].reason", "error.text.nul");
    ok("{\"title\":\"a\\u0001b 見積\"}");
  }

  @Test
  void changeProposalEditsAreCheckedAtTheirPath() {
    String proposal =
        "{\"reason\":\"追加\",\"edits\":[{\"type\":\"MOVE_DUE_DATE\",\"newDueDate\":\"2030-01-01\"},"
            + "{\"type\":\"ADD_LINE\",\"text\":\"x\",\"quantity\":1,\"unit\":\"PAGE\","
            + "\"unitPrice\":1e308}]}";
    refused(proposal, "edits[1].unitPrice", "error.amount.tooLarge");
    refused(
        "{\"edits\":[{\"line\":1e300000000}]}", "edits[0].line", "error.number.outOfBounds");
  }

  @Test
  void aBodyThatIsNotJsonFailsAsMalformed() {
    assertThatThrownBy(() -> JsonNumberBounds.check(bytes("{\"quantity\":")))
        .isInstanceOf(JsonException.class);
    assertThat(Problems.of(new JsonException("x"), Locale.ENGLISH).key())
        .isEqualTo("error.api.malformed");
  }

  @Test
  void theRefusalIsAFieldLevelProblem() {
    Throwable refusal = catchRefusal(line("1", "1e300000000"));
    Problem problem = Problems.of(refusal, Locale.JAPANESE);
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.key()).isEqualTo("error.amount.tooLarge");
    assertThat(problem.field()).isEqualTo("unitPrice");
    assertThat(problem.detail()).contains("100,000,000,000");
  }

  private static String line(String quantity, String unitPrice) {
    return "{\"text\":\"作業\",\"quantity\":" + quantity + ",\"unit\":\"HOUR\",\"unitPrice\":"
        + unitPrice + ",\"version\":0}";
  }

  private static void ok(String json) {
    assertThatCode(() -> JsonNumberBounds.check(bytes(json))).doesNotThrowAnyException();
  }

  private static void refused(String json, String field, String key) {
    assertThatThrownBy(() -> JsonNumberBounds.check(bytes(json)))
        .as(json)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  private static Throwable catchRefusal(String json) {
    try {
      JsonNumberBounds.check(bytes(json));
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("not refused: " + json);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
