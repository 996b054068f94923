package jp.ishibashi.agreement.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import jp.ishibashi.agreement.Verdict;
import jp.ishibashi.agreement.Verifications;
import jp.ishibashi.web.Pages;
import org.omnifaces.util.Faces;

/**
 * The public verify page: anyone uploads a PDF and learns whether it is a genuine signed
 * agreement, one altered after signing, or not one of the portal's.
 */
@Named
@RequestScoped
public class VerifyPage {

  @Inject private Verifications verifications;

  private Part file;
  private Verdict verdict;

  public void verify() {
    if (file == null || file.getSize() == 0) {
      Pages.error("verifyForm:file", new jp.ishibashi.shared.DomainException("verify.noFile"));
      return;
    }
    Optional<Duration> wait = verifications.refusedFor();
    if (wait.isPresent()) {
      Faces.setResponseStatus(429);
      Faces.addResponseHeader("Retry-After", String.valueOf(wait.get().toSeconds()));
      Pages.error(
          "verifyForm:file",
          new jp.ishibashi.shared.DomainException("verify.tooMany", wait.get().toSeconds()));
      return;
    }
    // A file over the limit is read only up to the limit, then refused (and logged).
    try (InputStream in = file.getInputStream()) {
      verdict = verifications.verify(in);
    } catch (IOException e) {
      throw new IllegalStateException("The upload could not be read", e);
    }
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public int getMaxMegabytes() {
    return Verifications.MAX_BYTES / 1024 / 1024;
  }
}
