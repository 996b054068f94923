package jp.ishibashi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Poppler's command-line tools (Debian's poppler-utils, installed by run-tests.sh), the
 * independent judge of the portal's PDFs. {@code pdfsig} exits 0 even for a broken signature, so
 * its report is parsed.
 */
public final class Poppler {

  private Poppler() {}

  /** The report of {@code pdfsig} on the PDF. */
  public static String pdfsig(byte[] pdf) {
    return run(pdf, "pdfsig");
  }

  /** The PDF's text as {@code pdftotext} extracts it, in UTF-8. */
  public static String pdftotext(byte[] pdf) {
    return run(pdf, "pdftotext", "-enc", "UTF-8", "{}", "-");
  }

  /** How many signatures pdfsig reports as valid. */
  public static int validSignatures(byte[] pdf) {
    String report = pdfsig(pdf);
    int n = 0;
    String valid = "Signature Validation: Signature is Valid.";
    for (int i = report.indexOf(valid); i >= 0; i = report.indexOf(valid, i + 1)) {
      n++;
    }
    return n;
  }

  private static String run(byte[] pdf, String... command) {
    try {
      Path file = Files.createTempFile("poppler", ".pdf");
      try {
        Files.write(file, pdf);
        String[] args = command.clone();
        boolean placed = false;
        for (int i = 0; i < args.length; i++) {
          if (args[i].equals("{}")) {
            args[i] = file.toString();
            placed = true;
          }
        }
        if (!placed) {
          args = java.util.Arrays.copyOf(args, args.length + 1);
          args[args.length - 1] = file.toString();
        }
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          command[0] + " is missing: run-tests.sh installs poppler-utils", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
