package jp.ishibashi.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Content-Disposition header of a download, per RFC 6266: an ASCII {@code filename} for old
 * clients and the UTF-8 {@code filename*} (RFC 8187 percent-encoding), so Japanese names survive
 * in every current browser. Always an attachment: the browser saves, never renders.
 */
public final class ContentDisposition {

  private ContentDisposition() {}

  public static String attachment(String asciiFileName, String fileName) {
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + asciiFileName + "\"; filename*=UTF-8''" + encoded;
  }
}
