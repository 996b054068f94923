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
 * The public verification API over HTTP, at its limits: a body over 20 MB is refused without
 * being read (413, and the connection closes), and a compression bomb is refused without being
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
      // A little over the limit, and never the last chunk: the rest would never come.
      for (long sent = 0; sent <= Verifications.MAX_BYTES; sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();

      String response = readUntilClosed(socket.getInputStream());

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

  /** Everything the server sends until it closes the connection (a time-out fails the test). */
  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        response.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // A close with our unread upload still arriving may end in a reset after the answer.
      if (response.size() == 0) {
        throw reset;
      }
    }
    return response.toString(StandardCharsets.UTF_8);
  }
}
