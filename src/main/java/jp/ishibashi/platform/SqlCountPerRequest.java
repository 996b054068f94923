package jp.ishibashi.platform;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * Diagnostics: the SQL statement count of each HTTP request, when {@code
 * portal.diagnostics.sql-count} is true (see {@link SqlStatementCounter}); inert otherwise.
 *
 * <p>A request listener rather than a filter: it is called before the first filter and after the
 * last, whatever their order, so it also counts what {@code SessionGuard} reads. Each request
 * that issued statements logs one line with its method, path (never its query string) and
 * count. A client may name a request with the {@value #TAG} header to read its count back
 * in-process through {@link SqlStatementCounter#countOf}; tests do.
 */
@WebListener
public class SqlCountPerRequest implements ServletRequestListener {

  /** The request header that names a request's count. */
  public static final String TAG = "X-Diagnostics-Tag";

  private static final Logger LOG = Logger.getLogger(SqlCountPerRequest.class.getName());

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (SqlStatementCounter.enabled()) {
      SqlStatementCounter.open();
    }
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    if (!SqlStatementCounter.enabled()) {
      return;
    }
    int count = SqlStatementCounter.close();
    if (event.getServletRequest() instanceof HttpServletRequest request) {
      if (count > 0) {
        LOG.info(
            () ->
                "SQL statements: "
                    + count
                    + " for "
                    + request.getMethod()
                    + " "
                    + request.getRequestURI());
      }
      String tag = request.getHeader(TAG);
      if (tag != null) {
        SqlStatementCounter.record(tag, count);
      }
    }
  }
}
