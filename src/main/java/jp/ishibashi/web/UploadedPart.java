package jp.ishibashi.web;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInput;

/** One uploaded file of a {@link MultipartForm}, held in a temporary file until the request ends. */
final class UploadedPart implements Part {

  private final String name;
  private final String fileName;
  private final String contentType;
  private final FileItemHeaders headers;
  private final Path file;

  UploadedPart(FileItemInput item, Path file) {
    this.name = item.getFieldName();
    this.fileName = item.getName();
    this.contentType = item.getContentType();
    this.headers = item.getHeaders();
    this.file = file;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getSubmittedFileName() {
    return fileName;
  }

  @Override
  public long getSize() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Copies the file; a relative name is taken as relative to the temporary file's directory. */
  @Override
  public void write(String target) throws IOException {
    Path destination = file.resolveSibling(target);
    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public String getHeader(String header) {
    return headers == null ? null : headers.getHeader(header.toLowerCase(Locale.ROOT));
  }

  @Override
  public Collection<String> getHeaders(String header) {
    List<String> values = new ArrayList<>();
    if (headers != null) {
      headers.getHeaders(header.toLowerCase(Locale.ROOT)).forEachRemaining(values::add);
    }
    return values;
  }

  @Override
  public Collection<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    if (headers != null) {
      for (Iterator<String> i = headers.getHeaderNames(); i.hasNext(); ) {
        names.add(i.next());
      }
    }
    return names;
  }
}
