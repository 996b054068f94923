package jp.ishibashi.agreement.pdf;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.InflaterInputStream;

/**
 * Refuses a PDF whose compressed streams would expand beyond a budget — a "zip bomb" of a few
 * kilobytes that inflates to gigabytes — before a parser decodes it in memory. Every stream of
 * the file that starts as zlib data (FlateDecode) is inflated, layer after layer when the output
 * is compressed again, into nothing but a counter; the total over all streams and layers must stay
 * within the budget. Filters with no cheap bound here (LZW, run-length) are refused outright: the
 * portal's own PDFs never use them.
 *
 * <p>A 20 MB file is scanned in well under a second: the work is bounded by the budget plus one
 * pass over the bytes. Thread-safe and stateless.
 */
public final class InflationGuard {

  /** The total a PDF may inflate to: far above any agreement, far below the heap. */
  public static final long DEFAULT_BUDGET = 32L * 1024 * 1024;

  /** Compressed inside compressed at most this deep; deeper counts as over the budget. */
  static final int MAX_LAYERS = 4;

  /** More compressed streams than this is no agreement, and only costs time to look at. */
  static final int MAX_STREAMS = 50_000;

  private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> UNBOUNDED_FILTERS = Set.of("LZWDecode", "RunLengthDecode");

  private InflationGuard() {}

  /** Whether the file's streams inflate to at most {@code budget} bytes in all. */
  public static boolean withinBudget(byte[] pdf, long budget) {
    if (usesUnboundedFilter(pdf)) {
      return false;
    }
    long[] total = {0};
    int streams = 0;
    for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + 1)) {
      int data = dataStart(pdf, at);
      if (data < 0) {
        continue;
      }
      if (++streams > MAX_STREAMS) {
        return false;
      }
      try (InputStream stream = new ByteArrayInputStream(pdf, data, pdf.length - data)) {
        inflate(stream, 0, total, budget);
      } catch (OverBudget e) {
        return false;
      } catch (IOException e) {
        // Not zlib data, or damaged: nothing a parser could expand either.
      }
    }
    return true;
  }

  /** Where a stream's data begins: after "stream" and its end of line; -1 if not a stream. */
  private static int dataStart(byte[] pdf, int at) {
    if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') {
      return -1;
    }
    int after = at + STREAM.length;
    if (after < pdf.length && pdf[after] == '\n') {
      return after + 1;
    }
    if (after + 1 < pdf.length && pdf[after] == '\r' && pdf[after + 1] == '\n') {
      return after + 2;
    }
    return -1;
  }

  /** Inflates {@code in} when it is zlib data, counting every inflated byte against the budget. */
  private static void inflate(InputStream in, int layer, long[] total, long budget)
      throws IOException {
    PushbackInputStream peek = new PushbackInputStream(in, 2);
    byte[] head = peek.readNBytes(2);
    peek.unread(head);
    if (!isZlib(head)) {
      if (layer > 0) {
        peek.transferTo(OutputStream.nullOutputStream());
      }
      return;
    }
    if (layer >= MAX_LAYERS) {
      throw new OverBudget();
    }
    try (InputStream inflated = new Counted(new InflaterInputStream(peek), total, budget)) {
      inflate(inflated, layer + 1, total, budget);
    }
  }

  /** A zlib header: deflate method, and the check bits of RFC 1950. */
  private static boolean isZlib(byte[] head) {
    if (head.length < 2) {
      return false;
    }
    int cmf = head[0] & 0xFF;
    int flg = head[1] & 0xFF;
    return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
  }

  /** Whether a name in the file, with #xx escapes decoded, is LZWDecode or RunLengthDecode. */
  static boolean usesUnboundedFilter(byte[] pdf) {
    for (int i = 0; i < pdf.length; i++) {
      if (pdf[i] != '/') {
        continue;
      }
      StringBuilder name = new StringBuilder();
      int j = i + 1;
      while (j < pdf.length && name.length() < 32 && isNameChar(pdf[j])) {
        if (pdf[j] == '#' && j + 2 < pdf.length) {
          int hex = Character.digit(pdf[j + 1], 16) * 16 + Character.digit(pdf[j + 2], 16);
          if (hex < 0) {
            break;
          }
          name.append((char) hex);
          j += 3;
        } else {
          name.append((char) pdf[j]);
          j++;
        }
      }
      if (UNBOUNDED_FILTERS.contains(name.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(byte b) {
    return b > 32 && b < 127 && "()<>[]{}/%".indexOf(b) < 0;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Thrown when the budget is spent. */
  private static final class OverBudget extends IOException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super("inflates beyond the budget", null);
    }
  }

  /** Passes bytes through, adding them to the shared total; over the budget, it stops. */
  private static final class Counted extends FilterInputStream {
    private final long[] total;
    private final long budget;

    Counted(InputStream in, long[] total, long budget) {
      super(in);
      this.total = total;
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) throws OverBudget {
      total[0] += n;
      if (total[0] > budget) {
        throw new OverBudget();
      }
    }
  }
}
