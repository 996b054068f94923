package jp.ishibashi.agreement;

import jp.ishibashi.shared.ContentDisposition;

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

  /** The Content-Disposition header: an attachment with both file names. */
  public String contentDisposition() {
    return ContentDisposition.attachment(asciiFileName(), fileName());
  }

}
