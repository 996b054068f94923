package jp.ishibashi.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Receiving a delivered file: streamed to a temporary file, hashed and checked as it arrives. */
class UploadTest {

  private static final long LIMIT = 1024;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static DomainException refusal(String name, InputStream in, long limit) {
    return catchThrowableOfType(() -> Upload.receive(name, in, limit), DomainException.class);
  }

  @Test
  void documentsImagesArchivesAndTextAreAccepted() throws IOException {
    for (var file :
        java.util.Map.of(
                "納品書.pdf", bytes("%PDF-1.7 …"),
                "design.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1},
                "source.zip", bytes("PK\u0003\u0004"),
                "readme.txt", bytes("テキスト"))
            .entrySet()) {
      try (Upload upload = Upload.receive(file.getKey(), new ByteArrayInputStream(file.getValue()), LIMIT)) {
        upload.check(LIMIT);
        assertThat(upload.size()).isEqualTo(file.getValue().length);
      }
    }
  }

  @Test
  void theContentIsKeptInATemporaryFileWithItsSha256AndGoesOnClose() throws Exception {
    byte[] content = new byte[300_000];
    new java.util.Random(7).nextBytes(content);
    System.arraycopy(bytes("%PDF-"), 0, content, 0, 5);

    Upload upload = Upload.receive("大きめ.pdf", new ByteArrayInputStream(content), 1_000_000);

    assertThat(upload.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(upload.size()).isEqualTo(content.length);
    try (InputStream stored = upload.open()) {
      assertThat(stored.readAllBytes()).isEqualTo(content);
    }
    upload.close();
    assertThat(catchThrowableOfType(upload::open, IOException.class)).isNotNull();
  }

  @Test
  void readingStopsAtTheFirstByteOverTheLimit() {
    CountingStream endless = new CountingStream(bytes("%PDF-"));

    DomainException e = refusal("big.pdf", endless, LIMIT);

    assertThat(e.key()).isEqualTo("error.attachment.tooLarge");
    assertThat(e.field()).isEqualTo("attachments");
    assertThat(endless.read).isEqualTo(LIMIT + 1);
  }

  @Test
  void aFileExactlyAtTheLimitIsAccepted() throws IOException {
    byte[] content = new byte[(int) LIMIT];
    System.arraycopy(bytes("%PDF-"), 0, content, 0, 5);
    try (Upload upload = Upload.receive("exact.pdf", new ByteArrayInputStream(content), LIMIT)) {
      assertThat(upload.size()).isEqualTo(LIMIT);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"setup.exe", "run.sh", "page.html", "logo.svg", "noextension", "data.bin"})
  void programsPagesAndUnknownTypesAreRefusedUnread(String name) {
    CountingStream in = new CountingStream(bytes("MZ...."));

    assertThat(refusal(name, in, LIMIT).key()).isEqualTo("error.attachment.type");
    assertThat(in.read).isZero();
  }

  @Test
  void aProgramRenamedAsAPdfIsRefusedByItsFirstBytes() {
    CountingStream in = new CountingStream(bytes("MZ\u0090\u0000"));

    assertThat(refusal("invoice.pdf", in, LIMIT).key()).isEqualTo("error.attachment.type");
    assertThat(in.read).isLessThanOrEqualTo(Upload.HEAD);
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(refusal("empty.pdf", new ByteArrayInputStream(new byte[0]), LIMIT).key())
        .isEqualTo("error.attachment.empty");
    assertThat(refusal("empty.txt", new ByteArrayInputStream(new byte[0]), LIMIT).key())
        .isEqualTo("error.attachment.empty");
  }

  @Test
  void aReceivedFileIsCheckedAgainstALowerLimitToo() throws IOException {
    try (Upload upload = Upload.of("ok.txt", new byte[100], LIMIT)) {
      assertThat(catchThrowableOfType(() -> upload.check(99), DomainException.class).key())
          .isEqualTo("error.attachment.tooLarge");
    }
  }

  @Test
  void pathsInTheNameAreNeutralised() throws IOException {
    try (Upload upload = Upload.of("../../etc/passwd.txt", bytes("x"), LIMIT)) {
      assertThat(upload.fileName()).doesNotContain("/");
    }
  }

  /** A stream that starts with the given bytes and never ends, counting what was read. */
  private static final class CountingStream extends InputStream {
    private final byte[] start;
    long read;

    CountingStream(byte[] start) {
      this.start = start;
    }

    @Override
    public int read() {
      int b = read < start.length ? start[(int) read] & 0xFF : 'x';
      read++;
      return b;
    }
  }
}
