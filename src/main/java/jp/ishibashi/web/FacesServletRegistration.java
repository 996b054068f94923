package jp.ishibashi.web;

import jakarta.faces.webapp.FacesServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.io.File;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers the Faces servlet for {@code *.xhtml} with upload limits taken from the configuration,
 * which web.xml cannot read: one file at most the larger of a delivery file ({@code
 * portal.delivery.attachment-max-mb}) and a PDF to verify, a request at most {@code
 * portal.delivery.max-files} such files, and every part kept on disk rather than in the heap. The
 * container refuses a larger upload before the page sees it.
 *
 * <p>When Mojarra's own initializer ran first, it registered the servlet under further paths
 * ({@code /faces/*}, {@code *.jsf}, {@code *.faces}) that the security constraints do not cover;
 * the portal then takes that registration and answers those paths with 404 ({@link
 * FacesPathsFilter}).
 */
public class FacesServletRegistration implements ServletContainerInitializer {

  public static final String NAME = "Faces Servlet";

  /**
   * Every part, however small, is buffered in a temporary file: a part kept in the heap below any
   * threshold would let a request of many such parts fill the heap up to the request's limit.
   */
  static final int IN_MEMORY_BYTES = 0;

  /** Room for the form's other fields (the view state, notes) beside the files. */
  static final long FORM_FIELDS_BYTES = 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(FacesServletRegistration.class.getName());

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
    UploadLimits limits = UploadLimits.from(ConfigProvider.getConfig());
    ServletRegistration.Dynamic faces = facesServlet(context);
    faces.setMultipartConfig(
        new MultipartConfigElement(
            "", limits.maxFileBytes(), limits.maxRequestBytes(), IN_MEMORY_BYTES));
    File temporary = (File) context.getAttribute(ServletContext.TEMPDIR);
    // Before web.xml's filters (false: not after them), so that they see the form's fields.
    context
        .addFilter(
            "Upload limits",
            new UploadLimitFilter(
                limits.maxFileBytes(),
                limits.maxRequestBytes(),
                limits.maxFiles(),
                (temporary == null ? new File(System.getProperty("java.io.tmpdir")) : temporary)
                    .toPath()))
        .addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST), false, FacesPathsFilter.XHTML);
    context
        .addFilter("Faces paths", new FacesPathsFilter())
        .addMappingForServletNames(null, false, faces.getName());
    LOG.info(
        "Faces servlet ("
            + faces.getName()
            + "): uploads of at most "
            + limits.maxFileBytes()
            + " bytes a file and "
            + limits.maxRequestBytes()
            + " bytes a request");
  }

  /**
   * The Faces servlet for {@code *.xhtml}: registered here, or — initializers run in no fixed
   * order — the one Mojarra's initializer registered moments before, whose further paths
   * {@link UploadLimitFilter} then answers with 404.
   */
  private static ServletRegistration.Dynamic facesServlet(ServletContext context)
      throws ServletException {
    for (ServletRegistration existing : context.getServletRegistrations().values()) {
      if (FacesServlet.class.getName().equals(existing.getClassName())) {
        if (existing instanceof ServletRegistration.Dynamic dynamic) {
          dynamic.addMapping("*.xhtml");
          return dynamic;
        }
        throw new ServletException(
            "The Faces servlet is declared in web.xml, where its upload limits cannot follow the"
                + " configuration; remove the declaration");
      }
    }
    ServletRegistration.Dynamic faces = context.addServlet(NAME, FacesServlet.class);
    faces.setLoadOnStartup(1);
    faces.addMapping("*.xhtml");
    return faces;
  }

  /**
   * The container's limits for one uploaded file and one request.
   *
   * @param maxFileBytes the larger of a delivery file's limit and a verified PDF's
   * @param maxRequestBytes as many such files as a delivery takes, and the form's fields
   * @param maxFiles the most files one delivery takes
   */
  public record UploadLimits(long maxFileBytes, long maxRequestBytes, int maxFiles) {

    static UploadLimits from(Config config) {
      long attachment =
          config.getValue("portal.delivery.attachment-max-mb", Integer.class) * 1024L * 1024L;
      int files = config.getValue("portal.delivery.max-files", Integer.class);
      return of(attachment, files, jp.ishibashi.agreement.Verifications.MAX_BYTES);
    }

    static UploadLimits of(long attachmentBytes, int maxFiles, long verifyBytes) {
      long file = Math.max(attachmentBytes, verifyBytes);
      return new UploadLimits(file, file * Math.max(1, maxFiles) + FORM_FIELDS_BYTES, maxFiles);
    }
  }
}
