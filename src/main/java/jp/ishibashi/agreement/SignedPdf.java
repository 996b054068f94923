package jp.ishibashi.agreement;

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;

/**
 * A signed agreement PDF as it is downloaded: its bytes, unchanged since signing, and a file name
 * built from the order number, version and title.
 */
public record SignedPdf(String orderNumber, int version, String title, byte[] bytes) {

  /** The ASCII file name, for clients that ignore RFC 6266's {@code filename*}. */
  public String asciiFileName() {
    return orderNumber + "-v" + version + ".pdf";
  }

  /** The full file name with the title, which may be Japanese. */
  public String fileName() {
    String safeTitle = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    if (safeTitle.length() > 80) {
      safeTitle = safeTitle.substring(0, 80);
    }
    return orderNumber + "-v" + version + (safeTitle.isEmpty() ? "" : " " + safeTitle) + ".pdf";
  }

  /**
   * The Content-Disposition header per RFC 6266: an ASCII {@code filename} and the UTF-8 {@code
   * filename*} (RFC 8187 percent-encoding), so Japanese titles survive in every current browser.
   */
  public String contentDisposition() {
    String encoded =
        URLEncoder.encode(fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + asciiFileName() + "\"; filename*=UTF-8''" + encoded;
  }
}
