package jp.ishibashi.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.ishibashi.shared.DomainException;

/**
 * A file a subcontractor delivers, as received: its name, size, SHA-256 and first bytes, with the
 * content in a temporary file — never whole in the heap. Only common deliverable types are
 * accepted — documents, images, archives, text — judged by the name's extension and, where the
 * format has one, by its first bytes, so a renamed program is refused too.
 *
 * <p>{@link #receive} copies the upload to the temporary file while hashing it, and stops at the
 * first byte over the limit or at first bytes of the wrong type. {@link #close} deletes the file.
 */
public final class Upload implements AutoCloseable {

  public static final int MAX_NAME = 255;

  /** How many first bytes are kept, enough for every type's signature. */
  static final int HEAD = 8;

  private static final int BUFFER = 64 * 1024;

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

  private final String fileName;
  private final Path file;
  private final long size;
  private final String sha256;
  private final byte[] head;

  private Upload(String fileName, Path file, long size, String sha256, byte[] head) {
    this.fileName = fileName;
    this.file = file;
    this.size = size;
    this.sha256 = sha256;
    this.head = head;
  }

  /**
   * Receives an upload into a temporary file, hashing it on the way; refused (and nothing kept)
   * when its name or type is not accepted, it is empty, or it has more than {@code maxBytes}
   * bytes — reading stops at the first byte over.
   */
  public static Upload receive(String submittedName, InputStream in, long maxBytes)
      throws IOException {
    String fileName = cleanName(submittedName);
    checkName(fileName);
    byte[] magic = expectedStart(fileName);
    MessageDigest sha = newDigest();
    Path file = Files.createTempFile("ishibashi-upload-", ".part");
    boolean kept = false;
    try (DigestInputStream digesting = new DigestInputStream(in, sha);
        OutputStream out = Files.newOutputStream(file)) {
      byte[] head = digesting.readNBytes(HEAD);
      if (head.length == 0) {
        checkSize(fileName, 0, maxBytes);
      }
      if (!startsWith(head, magic)) {
        throw DomainException.at("attachments", "error.attachment.type", fileName);
      }
      out.write(head);
      long size = head.length;
      byte[] buffer = new byte[BUFFER];
      for (int n; size <= maxBytes && (n = digesting.read(buffer, 0, (int) Math.min(BUFFER, maxBytes + 1 - size))) > 0; ) {
        out.write(buffer, 0, n);
        size += n;
      }
      checkSize(fileName, size, maxBytes);
      kept = true;
      return new Upload(fileName, file, size, HexFormat.of().formatHex(sha.digest()), head);
    } finally {
      if (!kept) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** An upload from bytes already in memory (small files, tests). */
  public static Upload of(String fileName, byte[] bytes, long maxBytes) {
    try {
      return receive(fileName, new java.io.ByteArrayInputStream(bytes), maxBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks the received file against the limit and the accepted types again, without reading it;
   * refused with a message naming it.
   */
  public void check(long maxBytes) {
    checkName(fileName);
    checkSize(fileName, size, maxBytes);
    if (!startsWith(head, expectedStart(fileName))) {
      throw DomainException.at("attachments", "error.attachment.type", fileName);
    }
  }

  public String fileName() {
    return fileName;
  }

  public long size() {
    return size;
  }

  /** The SHA-256 of the content, in lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** Reads the content from its temporary file. */
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  /** Deletes the temporary file. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cleanName(String fileName) {
    return fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
  }

  private static void checkName(String fileName) {
    if (fileName.isEmpty() || fileName.length() > MAX_NAME) {
      throw DomainException.at("attachments", "error.attachment.name");
    }
  }

  private static void checkSize(String fileName, long size, long maxBytes) {
    if (size == 0) {
      throw DomainException.at("attachments", "error.attachment.empty", fileName);
    }
    if (size > maxBytes) {
      throw DomainException.at(
          "attachments", "error.attachment.tooLarge", fileName, maxBytes / 1024 / 1024);
    }
  }

  /** The first bytes a file of this name must have; refused when the name's type is not accepted. */
  private static byte[] expectedStart(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    byte[] magic = TYPES.get(extension);
    if (magic == null || NEVER.contains(extension)) {
      throw DomainException.at("attachments", "error.attachment.type", fileName);
    }
    return magic;
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length
        && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
