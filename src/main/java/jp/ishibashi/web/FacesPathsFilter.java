package jp.ishibashi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages are served only as {@code *.xhtml}: the further paths Mojarra's own initializer may map to
 * the Faces servlet ({@code /faces/*}, {@code *.jsf}, {@code *.faces}), which the security
 * constraints do not cover, answer 404.
 */
public class FacesPathsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String XHTML = "*.xhtml";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!XHTML.equals(request.getHttpServletMapping().getPattern())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, response);
  }
}
