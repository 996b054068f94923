package jp.ishibashi.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.agreement.pdf.BombPdf;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public verification API over HTTP, at its limits: a body declaring over 20 MB is refused
 * without being read (413, and the connection closes); a chunked body is read only up to the limit
 * before the same answer, and a compression bomb is refused without being
 * parsed (422). The per-address limit is raised for the test run (arquillian.xml); {@link
 * VerificationLimitTest} checks it.
 */
@ExtendWith(ArquillianExtension.class)
class VerificationsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void aBodyDeclaringMoreThanTheLimitIsRefusedUnreadAndTheConnectionClosed() throws IOException {
    Instant start = Instant.now();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("Content-Length: " + 50L * 1024 * 1024));
      out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[64 * 1024]);
      out.flush();

      String response = readUntilClosed(socket.getInputStream());

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response.toLowerCase()).contains("connection: close");
      assertThat(response).contains("application/problem+json").contains("verify.outcome.TOO_LARGE");
    }
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  @RunAsClient
  void aChunkedBodyIsReadOnlyUpToTheLimitAndThenRefused() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head("Transfer-Encoding: chunked"));
      byte[] chunk = new byte[256 * 1024];
      System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 9);
      // A little over the limit, and never the last chunk: the answer cannot wait for the end.
      for (long sent = 0; sent <= Verifications.MAX_BYTES; sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();

      // The container may keep reading what still comes of an unfinished chunked body, so the
      // test reads the one answer rather than waiting for the close.
      String response = readOneResponse(socket.getInputStream());

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response.toLowerCase()).contains("connection: close");
      assertThat(response).contains("verify.outcome.TOO_LARGE");
    }
  }

  @Test
  @RunAsClient
  void aCompressionBombIsRefusedWithoutBeingParsed() {
    ApiClient anyone = new ApiClient(base).language("en");
    byte[] bomb = BombPdf.of(1024L * 1024 * 1024, 2);

    HttpResponse<byte[]> reply = anyone.sendBytes("POST", "verifications", "application/pdf", bomb);

    String body = new String(reply.body(), StandardCharsets.UTF_8);
    assertThat(reply.statusCode()).as(body).isEqualTo(422);
    assertThat(reply.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(body).contains("\"key\":\"verify.outcome.TOO_COMPLEX\"");
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(30_000);
    return socket;
  }

  private byte[] head(String lengthHeader) {
    return ("POST " + base.getPath() + "api/verifications HTTP/1.1\r\n"
            + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
            + "Content-Type: application/pdf\r\n"
            + "Accept-Language: en\r\n"
            + lengthHeader + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** One answer: its head, and as many bytes of body as its Content-Length says. */
  private static String readOneResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("The connection closed before the answer's head ended: " + head);
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text);
    assertThat(length.find()).as("a Content-Length in " + text).isTrue();
    byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
    return text + new String(body, StandardCharsets.UTF_8);
  }

  /** Everything the server sends until it closes the connection (a time-out fails the test). */
  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        response.write(buffer, 0, n);
      }
    } catch (java.net.SocketTimeoutException open) {
      throw new AssertionError(
          "The connection stayed open after: " + response.toString(StandardCharsets.UTF_8), open);
    } catch (SocketException reset) {
      // A close with our unread upload still arriving may end in a reset after the answer.
      if (response.size() == 0) {
        throw reset;
      }
    }
    return response.toString(StandardCharsets.UTF_8);
  }
}
