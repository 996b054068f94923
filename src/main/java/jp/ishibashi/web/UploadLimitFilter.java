package jp.ishibashi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers a form upload over the container's limits ({@link FacesServletRegistration}) with 413
 * and a short page in the user's language, instead of letting the page fail with 500. The
 * request's parts are parsed here, before anything else reads them; the connection is closed
 * rather than the rest of the upload read. Pages are served only as {@code *.xhtml}: any other
 * path to the Faces servlet answers 404.
 */
public class UploadLimitFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String XHTML = "*.xhtml";

  private final long maxFileBytes;
  private final int maxFiles;

  public UploadLimitFilter(long maxFileBytes, int maxFiles) {
    this.maxFileBytes = maxFileBytes;
    this.maxFiles = maxFiles;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!XHTML.equals(request.getHttpServletMapping().getPattern())) {
      // Mojarra's own extra paths to the Faces servlet: nothing is served there.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if ("POST".equals(request.getMethod()) && isMultipart(request)) {
      try {
        request.getParts();
      } catch (IllegalStateException | IOException | ServletException e) {
        if (!tooLarge(e)) {
          throw e;
        }
        refuse(request, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** Whether the container refused the parts for their size (its SizeException, or the like). */
  static boolean tooLarge(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getSimpleName();
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (name.contains("Size") || message.contains("exceeds") || message.contains("too large")) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = locale(request);
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

  /** The language cookie, then the browser's preference; Japanese when neither says. */
  private static Locale locale(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (var cookie : request.getCookies()) {
        if (Language.COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
          return Locale.ENGLISH;
        }
        if (Language.COOKIE.equals(cookie.getName()) && "ja".equals(cookie.getValue())) {
          return Locale.JAPANESE;
        }
      }
    }
    var preferred = request.getLocales();
    while (preferred.hasMoreElements()) {
      String language = preferred.nextElement().getLanguage();
      if ("ja".equals(language) || "en".equals(language)) {
        return Locale.forLanguageTag(language);
      }
    }
    return Locale.JAPANESE;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
