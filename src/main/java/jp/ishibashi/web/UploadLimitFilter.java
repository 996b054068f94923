package jp.ishibashi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads every form upload to a page ({@code multipart/form-data} posts) itself, within the limits
 * of {@link MultipartForm}, before any other filter or the page sees it: the container's own
 * parser has no cap on the number of parts, and kept every part in a temporary file of its own
 * after the request. A post over a limit is answered with 413 and a short page in the user's
 * language, the rest of it unread and the connection closed; a malformed one with 400. The
 * uploaded files' temporary copies are deleted when the request ends.
 *
 * <p>It is mapped before the filters of web.xml ({@link FacesServletRegistration}), so that they
 * and the pages see the form's fields ({@link MultipartRequest}); its refusals carry the security
 * headers themselves.
 */
public class UploadLimitFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final long maxFileBytes;
  private final long maxRequestBytes;
  private final int maxFiles;
  private final transient Path directory;

  public UploadLimitFilter(long maxFileBytes, long maxRequestBytes, int maxFiles, Path directory) {
    this.maxFileBytes = maxFileBytes;
    this.maxRequestBytes = maxRequestBytes;
    this.maxFiles = maxFiles;
    this.directory = directory;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod()) || !isMultipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxRequestBytes) {
      refuse(request, response);
      return;
    }
    MultipartForm form;
    try {
      form = MultipartForm.read(request, maxFileBytes, maxRequestBytes, maxFiles, directory);
    } catch (MultipartForm.TooLarge e) {
      refuse(request, response);
      return;
    } catch (IOException e) {
      if (!MultipartForm.malformed(e)) {
        throw e;
      }
      SecurityHeaders.applyTo(response);
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    try (form) {
      chain.doFilter(new MultipartRequest(request, form), response);
    }
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = locale(request);
    SecurityHeaders.applyTo(response);
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String message =
        Pages.text(locale, "error.upload.tooLarge", maxFileBytes / 1024 / 1024, maxFiles);
    try (PrintWriter out = response.getWriter()) {
      out.print("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">");
      out.print("<title>" + escape(Pages.text(locale, "error.upload.title")) + "</title></head><body>");
      out.print("<h1>" + escape(Pages.text(locale, "error.upload.title")) + "</h1>");
      out.print("<p id=\"uploadTooLarge\">" + escape(message) + "</p>");
      out.print("<p><a href=\"" + escape(back(request)) + "\">" + escape(Pages.text(locale, "error.upload.back")) + "</a></p>");
      out.print("</body></html>");
    }
  }

  /** The page the form was on, when the browser says and it is this portal's; else the start. */
  private static String back(HttpServletRequest request) {
    String home = request.getContextPath() + "/";
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return home;
    }
    try {
      URI uri = URI.create(referer);
      if (!request.getServerName().equalsIgnoreCase(uri.getHost())
          || uri.getRawPath() == null
          || !uri.getRawPath().startsWith(home)) {
        return home;
      }
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return home;
    }
  }

  /** The language the pages would answer in ({@link Language#choose}). */
  private static Locale locale(HttpServletRequest request) {
    String remembered = null;
    if (request.getCookies() != null) {
      for (var cookie : request.getCookies()) {
        if (Language.COOKIE.equals(cookie.getName())) {
          remembered = cookie.getValue();
        }
      }
    }
    return Language.choose(remembered, request.getLocales().asIterator());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
