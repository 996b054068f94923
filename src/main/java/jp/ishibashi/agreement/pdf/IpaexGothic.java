package jp.ishibashi.agreement.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * IPAex Gothic, the one font of agreement PDFs: it has the Japanese glyphs that PDF's standard
 * fonts lack (Helvetica drops them silently). It is shipped in this package with its licence,
 * IPA_Font_License_Agreement_v1.0.txt, and embedded in each PDF as a subset of the glyphs used.
 *
 * <p>The font file (6 MB) is read and parsed once per JVM. One {@link BaseFont} serves every
 * document and thread: after parsing, OpenPDF only reads it, and it keeps the glyphs each document
 * uses in that document's writer, not in the font.
 */
final class IpaexGothic {

  private static final String RESOURCE = "ipaexg.ttf";

  private IpaexGothic() {}

  /** The shared font, encoded Identity-H (any Unicode character) and embedded as a subset. */
  static BaseFont font() {
    return Holder.FONT;
  }

  /** Loads the font when first asked for, once, whichever thread asks first. */
  private static final class Holder {
    static final BaseFont FONT = load();
  }

  private static BaseFont load() {
    try (InputStream in = IpaexGothic.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The font resource " + RESOURCE + " is missing");
      }
      byte[] bytes = in.readAllBytes();
      // Not cached by OpenPDF: this class is the cache, and the name then stays free for others.
      return BaseFont.createFont(
          RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the font " + RESOURCE, e);
    }
  }
}
