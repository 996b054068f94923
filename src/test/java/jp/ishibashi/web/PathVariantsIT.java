package jp.ishibashi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A role's page trees cannot be reached through variants of their paths: double slashes, dot
 * segments, path parameters and percent-encoding all lead to the same page, so each must be
 * refused like the plain path. Raw paths are sent as they are, never normalised by the client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PathVariantsIT {

  private static final String PASSWORD = "ishibashi-demo-2026";
  private static final Pattern TITLE = Pattern.compile("<title>([^<]+)</title>");

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void staffCannotOpenAnAdminPageThroughAnyVariantOfItsPath() throws Exception {
    String adminTitle = title(get(session("admin@sakura.example"), "agency/admin/pricing.xhtml"));
    String staff = session("staff@sakura.example");
    assertEquals(403, get(staff, "agency/admin/pricing.xhtml").statusCode());
    assertRefused(
        staff,
        adminTitle,
        "/agency/admin/pricing.xhtml",
        "//agency/admin/pricing.xhtml",
        "/agency//admin/pricing.xhtml",
        "/agency/./admin/pricing.xhtml",
        "/./agency/admin/pricing.xhtml",
        "/sub/../agency/admin/pricing.xhtml",
        "/agency/admin;x=1/pricing.xhtml",
        "/agency;jsessionid=x/admin/pricing.xhtml",
        "/agency/%61dmin/pricing.xhtml",
        "/agency/admin/%2e/pricing.xhtml",
        // Mojarra's own mappings of the Faces servlet, should its initializer register it.
        "/faces/agency/admin/pricing.xhtml",
        "/agency/admin/pricing.jsf",
        "/agency/admin/pricing.faces");
  }

  @Test
  void aSubcontractorCannotOpenAnAgencyPageThroughAVariant() throws Exception {
    String agencyTitle = title(get(session("admin@sakura.example"), "agency/work-orders.xhtml"));
    assertRefused(
        session("tanaka@freelance.example"),
        agencyTitle,
        "/agency/work-orders.xhtml",
        "//agency/work-orders.xhtml",
        "/./agency/work-orders.xhtml",
        "/agency;x=1/work-orders.xhtml",
        "/%61gency/work-orders.xhtml",
        "/faces/agency/work-orders.xhtml");
  }

  private void assertRefused(String cookie, String pageTitle, String... paths) throws Exception {
    List<String> opened = new ArrayList<>();
    for (String path : paths) {
      HttpResponse<String> response = get(cookie, path);
      if (response.statusCode() / 100 == 2 || response.body().contains(pageTitle)) {
        opened.add(path + " → " + response.statusCode());
      }
    }
    assertTrue(opened.isEmpty(), "opened: " + opened);
  }

  private String session(String email) {
    ApiClient client = new ApiClient(base).signIn(email, PASSWORD);
    return "JSESSIONID=" + client.cookie("JSESSIONID");
  }

  /** A GET of a raw path below the context root, sent exactly as written. */
  private HttpResponse<String> get(String cookie, String path)
      throws IOException, InterruptedException {
    String root = base.toString().replaceAll("/$", "");
    URI uri = URI.create(root + (path.startsWith("/") ? path : "/" + path));
    return http.send(
        HttpRequest.newBuilder(uri).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String title(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    Matcher m = TITLE.matcher(page.body());
    assertTrue(m.find(), page.body());
    return m.group(1);
  }
}
