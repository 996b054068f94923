package jp.ishibashi.agreement.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.ishibashi.agreement.AgreementContent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long an agreement PDF takes to render and to carry its first signature, by scope size. Not a
 * test (surefire runs only *Test): run it as docs/benchmarks.md says, under {@code -Xmx256m}.
 *
 * <p>{@link #renderAndSign} is what the portal does when the first party signs: render, issue the
 * signer a certificate, sign. {@link #render} and {@link #issueAndSign} (on a PDF rendered in
 * advance) show how that time splits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AgreementPdfBenchmark {

  @Param({"10", "100", "1000", "5000"})
  public int lines;

  private final AgreementPdf renderer = new AgreementPdf();
  private final PdfSigner signer = new PdfSigner();
  private final ZoneId zone = ZoneId.of("Asia/Tokyo");
  private Path directory;
  private CertificateAuthority ca;
  private AgreementContent content;
  private String hash;
  private byte[] rendered;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("agreement-pdf-benchmark");
    ca =
        CertificateAuthority.loadOrCreate(
            directory.resolve("ca.p12"), "benchmark".toCharArray(), Clock.systemUTC());
    content = Agreements.withLines(lines);
    hash = content.hash();
    rendered = renderer.render(content, hash, List.of(), zone);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(directory.resolve("ca.p12"));
    Files.deleteIfExists(directory);
  }

  @Benchmark
  public byte[] render() {
    return renderer.render(content, hash, List.of(), zone);
  }

  @Benchmark
  public byte[] issueAndSign() {
    return sign(rendered);
  }

  @Benchmark
  public byte[] renderAndSign() {
    return sign(renderer.render(content, hash, List.of(), zone));
  }

  private byte[] sign(byte[] pdf) {
    SignerCredential credential = ca.issue("山田 太郎", Agreements.AGENCY);
    return signer.sign(
        pdf,
        AgreementPdf.AGENCY_FIELD,
        credential,
        "山田 太郎",
        Agreements.AGENCY,
        Instant.now(),
        "Agreement " + content.orderNumber());
  }
}
