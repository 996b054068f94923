package jp.ishibashi.agreement.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;

/**
 * A small PDF whose object stream inflates to far more than it weighs: zeros compressed once or
 * twice (a filter of two FlateDecodes), so a parser that decodes it whole runs out of heap.
 */
public final class BombPdf {

  private BombPdf() {}

  /** A PDF whose one stream inflates to {@code inflatedBytes} zeros through {@code layers}. */
  public static byte[] of(long inflatedBytes, int layers) {
    byte[] data = zeros(inflatedBytes);
    for (int i = 1; i < layers; i++) {
      data = deflate(data);
    }
    StringBuilder filters = new StringBuilder();
    for (int i = 0; i < layers; i++) {
      filters.append("/FlateDecode ");
    }
    return pdf(data, "[" + filters.toString().strip() + "]");
  }

  /** A PDF whose stream names the given filter (as written, escapes and all). */
  public static byte[] withFilter(String filter) {
    return pdf("just bytes".getBytes(StandardCharsets.US_ASCII), filter);
  }

  private static byte[] pdf(byte[] stream, String filter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.7\n");
    write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    write(out, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
    write(out, "3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length " + stream.length + " /Filter " + filter + " >>\nstream\n");
    out.writeBytes(stream);
    write(out, "\nendstream\nendobj\n");
    write(out, "trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n");
    return out.toByteArray();
  }

  /** {@code count} zeros, deflated as they are produced, so the test never holds them. */
  private static byte[] zeros(long count) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream deflating = new DeflaterOutputStream(compressed)) {
      byte[] chunk = new byte[1024 * 1024];
      for (long left = count; left > 0; left -= chunk.length) {
        deflating.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  private static byte[] deflate(byte[] bytes) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream deflating = new DeflaterOutputStream(compressed)) {
      deflating.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
