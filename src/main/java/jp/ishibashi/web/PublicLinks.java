package jp.ishibashi.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.omnifaces.util.Faces;

/**
 * Absolute links the portal hands to people (invitation links): on the configured public
 * address ({@code portal.public-url}) when the portal runs behind a proxy, else on the address
 * of the current request.
 */
@ApplicationScoped
public class PublicLinks {

  @Inject
  @ConfigProperty(name = "portal.public-url")
  private Optional<String> publicUrl;

  /** The absolute link to a page path such as {@code invitation.xhtml?token=…}. */
  public String to(String path) {
    String base = publicUrl.filter(u -> !u.isBlank()).orElseGet(Faces::getRequestBaseURL);
    return base.endsWith("/") ? base + path : base + "/" + path;
  }
}
