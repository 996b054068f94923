package jp.ishibashi.agreement.pdf;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs poppler-utils' pdfsig and pdftotext on PDFs, as an independent reader of what the portal
 * writes. A missing tool fails the test with the package to install: it is never skipped.
 */
final class Poppler {

  private static final Pattern VALIDATION = Pattern.compile("Signature Validation: (.*)");

  private Poppler() {}

  /** The text of the given pages (1-based, inclusive), in reading order. */
  static String text(Path pdf, int firstPage, int lastPage) {
    return run(
        "pdftotext",
        "-enc",
        "UTF-8",
        "-f",
        String.valueOf(firstPage),
        "-l",
        String.valueOf(lastPage),
        pdf.toString(),
        "-");
  }

  /** The text of the whole document. */
  static String text(Path pdf) {
    return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
  }

  /** pdfsig's report. It exits 0 even for a broken signature, so callers read the report. */
  static String pdfsig(Path pdf) {
    return run("pdfsig", pdf.toString());
  }

  /** The "Signature Validation:" results in pdfsig's report, one per signature, in order. */
  static List<String> signatureValidations(String report) {
    List<String> results = new ArrayList<>();
    Matcher matcher = VALIDATION.matcher(report);
    while (matcher.find()) {
      results.add(matcher.group(1).trim());
    }
    return results;
  }

  /** The number of pages, from pdfinfo. */
  static int pages(Path pdf) {
    Matcher matcher = Pattern.compile("Pages:\\s+(\\d+)").matcher(run("pdfinfo", pdf.toString()));
    if (!matcher.find()) {
      fail("pdfinfo did not report a page count for " + pdf);
    }
    return Integer.parseInt(matcher.group(1));
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(command[0] + " did not finish within 30 s");
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return fail(
          command[0]
              + " could not be run; install Debian's poppler-utils (apt-get install poppler-utils):"
              + " "
              + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("Interrupted while running " + command[0]);
    }
  }

  /** Writes bytes to a file in {@code directory}, for the tools to read. */
  static Path write(Path directory, String name, byte[] bytes) {
    try {
      return Files.write(directory.resolve(name), bytes);
    } catch (IOException e) {
      return fail("Cannot write " + name + ": " + e.getMessage());
    }
  }
}
