package jp.ishibashi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadTest {

  private static final long LIMIT = 1024;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void documentsImagesArchivesAndTextAreAccepted() {
    assertThatCode(() -> new Upload("納品書.pdf", bytes("%PDF-1.7 …")).check(LIMIT)).doesNotThrowAnyException();
    assertThatCode(() -> new Upload("design.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1}).check(LIMIT))
        .doesNotThrowAnyException();
    assertThatCode(() -> new Upload("source.zip", bytes("PK\u0003\u0004")).check(LIMIT)).doesNotThrowAnyException();
    assertThatCode(() -> new Upload("readme.txt", bytes("テキスト")).check(LIMIT)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"setup.exe", "run.sh", "page.html", "logo.svg", "noextension", "data.bin"})
  void programsPagesAndUnknownTypesAreRefused(String name) {
    DomainException e =
        catchThrowableOfType(() -> new Upload(name, bytes("MZ....")).check(LIMIT), DomainException.class);
    assertThat(e.key()).isEqualTo("error.attachment.type");
    assertThat(e.field()).isEqualTo("attachments");
  }

  @Test
  void aProgramRenamedAsAPdfIsRefusedByItsFirstBytes() {
    DomainException e =
        catchThrowableOfType(() -> new Upload("invoice.pdf", bytes("MZ\u0090\u0000")).check(LIMIT), DomainException.class);
    assertThat(e.key()).isEqualTo("error.attachment.type");
  }

  @Test
  void aFileOverTheLimitOrEmptyIsRefused() {
    byte[] big = new byte[(int) LIMIT + 1];
    System.arraycopy(bytes("%PDF-"), 0, big, 0, 5);
    assertThat(catchThrowableOfType(() -> new Upload("big.pdf", big).check(LIMIT), DomainException.class).key())
        .isEqualTo("error.attachment.tooLarge");
    assertThat(catchThrowableOfType(() -> new Upload("empty.pdf", new byte[0]).check(LIMIT), DomainException.class).key())
        .isEqualTo("error.attachment.empty");
  }

  @Test
  void pathsInTheNameAreNeutralised() {
    assertThat(new Upload("../../etc/passwd.txt", bytes("x")).fileName()).doesNotContain("/");
  }
}
