package jp.ishibashi.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.ishibashi.shared.DomainException;

/**
 * A file a subcontractor delivers, as uploaded: its name and bytes. Only common deliverable types
 * are accepted — documents, images, archives, text — judged by the name's extension and, where
 * the format has one, by its first bytes, so a renamed program is refused too.
 */
public record Upload(String fileName, byte[] bytes) {

  public static final int MAX_NAME = 255;

  /** The accepted extensions, with the first bytes the file must start with (empty: any). */
  private static final Map<String, byte[]> TYPES =
      Map.ofEntries(
          Map.entry("pdf", ascii("%PDF-")),
          Map.entry("png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
          Map.entry("jpg", new byte[] {(byte) 0xFF, (byte) 0xD8}),
          Map.entry("jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8}),
          Map.entry("gif", ascii("GIF8")),
          Map.entry("zip", ascii("PK")),
          Map.entry("docx", ascii("PK")),
          Map.entry("xlsx", ascii("PK")),
          Map.entry("pptx", ascii("PK")),
          Map.entry("txt", new byte[0]),
          Map.entry("csv", new byte[0]),
          Map.entry("md", new byte[0]),
          Map.entry("psd", ascii("8BPS")),
          Map.entry("ai", ascii("%PDF-")),
          Map.entry("fig", new byte[0]),
          Map.entry("sketch", ascii("PK")));

  /** Names never accepted, whatever their bytes: programs and scripts. */
  private static final Set<String> NEVER =
      Set.of("exe", "bat", "cmd", "com", "msi", "sh", "js", "vbs", "ps1", "jar", "html", "htm", "svg");

  public Upload {
    fileName = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
  }

  /**
   * Checks the file against the limit and the accepted types; refused with a message naming it.
   */
  public void check(long maxBytes) {
    if (fileName.isEmpty() || fileName.length() > MAX_NAME) {
      throw DomainException.at("attachments", "error.attachment.name");
    }
    if (bytes == null || bytes.length == 0) {
      throw DomainException.at("attachments", "error.attachment.empty", fileName);
    }
    if (bytes.length > maxBytes) {
      throw DomainException.at(
          "attachments", "error.attachment.tooLarge", fileName, maxBytes / 1024 / 1024);
    }
    String extension = extension();
    byte[] magic = TYPES.get(extension);
    if (magic == null || NEVER.contains(extension) || !startsWith(magic)) {
      throw DomainException.at("attachments", "error.attachment.type", fileName);
    }
  }

  private String extension() {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private boolean startsWith(byte[] magic) {
    return bytes.length >= magic.length
        && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
