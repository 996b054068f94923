package jp.ishibashi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * A {@code multipart/form-data} form post, read as it streams in and within limits the container's
 * own parser does not have: at most {@code maxFiles} files of {@code maxFileBytes} each (the page
 * itself explains a few files too many; the form reads up to twice as many), at most
 * {@value #MAX_FIELDS} other fields of {@value #MAX_FIELD_BYTES} bytes in all, and {@code
 * maxRequestBytes} in all. Fields are kept in memory; each file goes to a temporary file of its
 * own, deleted by {@link #close()} when the request ends.
 */
final class MultipartForm implements AutoCloseable {

  /** The most fields (not files) a form post may have: the portal's largest form has far fewer. */
  static final int MAX_FIELDS = 500;

  /** All fields (not files) of one post together, in bytes. */
  static final int MAX_FIELD_BYTES = 1024 * 1024;

  /** A post over a limit; nothing of it is kept. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String what) {
      super(what);
    }
  }

  private final Map<String, List<String>> fields = new LinkedHashMap<>();
  private final List<Part> files = new ArrayList<>();
  private final List<Path> temporary = new ArrayList<>();

  private MultipartForm() {}

  /**
   * Reads the request's body.
   *
   * @param directory where the files' temporary copies go
   * @throws TooLarge if the post is over a limit; the rest of the body is left unread
   * @throws IOException if the body is not a well-formed multipart body, or the disk fails
   */
  static MultipartForm read(
      HttpServletRequest request,
      long maxFileBytes,
      long maxRequestBytes,
      int maxFiles,
      Path directory)
      throws TooLarge, IOException {
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setSizeMax(maxRequestBytes);
    upload.setFileSizeMax(maxFileBytes);
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    MultipartForm form = new MultipartForm();
    try {
      int fieldCount = 0;
      int fileCount = 0;
      int fieldBytes = 0;
      FileItemInputIterator items = upload.getItemIterator(request);
      while (items.hasNext()) {
        FileItemInput item = items.next();
        if (item.isFormField()) {
          if (++fieldCount > MAX_FIELDS) {
            throw new TooLarge("more than " + MAX_FIELDS + " fields");
          }
          byte[] value;
          try (InputStream in = item.getInputStream()) {
            value = in.readNBytes(MAX_FIELD_BYTES - fieldBytes + 1);
          }
          fieldBytes += value.length;
          if (fieldBytes > MAX_FIELD_BYTES) {
            throw new TooLarge("fields over " + MAX_FIELD_BYTES + " bytes");
          }
          form.fields
              .computeIfAbsent(item.getFieldName(), name -> new ArrayList<>())
              .add(new String(value, StandardCharsets.UTF_8));
        } else {
          // A file field with nothing chosen still sends one empty part; it is no file.
          boolean named = item.getName() != null && !item.getName().isEmpty();
          if ((named && ++fileCount > 2 * maxFiles) || fieldCount + fileCount > MAX_FIELDS) {
            throw new TooLarge("more than " + 2 * maxFiles + " files");
          }
          Path file = Files.createTempFile(directory, "upload-", ".part");
          form.temporary.add(file);
          try (InputStream in = item.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          }
          form.files.add(new UploadedPart(item, file));
        }
      }
      return form;
    } catch (FileUploadSizeException e) {
      form.close();
      throw new TooLarge(e.getMessage());
    } catch (TooLarge | IOException | RuntimeException e) {
      form.close();
      throw e;
    }
  }

  /** The fields by name, each with its values in the order sent. */
  Map<String, List<String>> fields() {
    return Collections.unmodifiableMap(fields);
  }

  /** The file parts, in the order sent. */
  List<Part> files() {
    return Collections.unmodifiableList(files);
  }

  /** Deletes the files' temporary copies. */
  @Override
  public void close() {
    for (Path file : temporary) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
    temporary.clear();
  }

  /** Whether a failure is a malformed body rather than a disk or network failure. */
  static boolean malformed(IOException failure) {
    return failure instanceof FileUploadException;
  }
}
