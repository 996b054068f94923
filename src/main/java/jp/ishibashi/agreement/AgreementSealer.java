package jp.ishibashi.agreement;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import jp.ishibashi.agreement.pdf.AgreementPdf;
import jp.ishibashi.agreement.pdf.CertificateAuthority;
import jp.ishibashi.agreement.pdf.PdfSigner;
import jp.ishibashi.agreement.pdf.SignerCredential;
import jp.ishibashi.agreement.pdf.SigningRecord;
import jp.ishibashi.platform.PortalClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a fully signed agreement into its signed PDF: renders it once, then adds one PDF digital
 * signature per party, in the order they signed, each as an incremental update.
 *
 * <p>Keys come from the portal's certificate authority, a PKCS#12 keystore under the data
 * directory that is created on first start. Each signer gets a certificate naming the person and
 * the organisation; its key is kept in memory only, for this node's lifetime, because the
 * signatures carry the certificate and nothing ever signs with that key again after a restart.
 */
@ApplicationScoped
public class AgreementSealer {

  private static final Logger LOG = Logger.getLogger(AgreementSealer.class.getName());

  @Inject
  @ConfigProperty(name = "portal.signing.keystore")
  private String keystore;

  @Inject
  @ConfigProperty(name = "portal.signing.keystore-password")
  private String keystorePassword;

  @Inject private PortalClock clock;

  private CertificateAuthority authority;
  private AgreementPdf renderer;
  private PdfSigner signer;
  private final Map<String, SignerCredential> credentials = new ConcurrentHashMap<>();

  @PostConstruct
  void start() {
    Path path = Path.of(keystore).toAbsolutePath();
    authority =
        CertificateAuthority.loadOrCreate(path, keystorePassword.toCharArray(), Clock.systemUTC());
    renderer = new AgreementPdf();
    signer = new PdfSigner();
    LOG.info(
        () ->
            "Signing certificate authority: "
                + authority.certificate().getSubjectX500Principal().getName()
                + " from "
                + path);
  }

  /** The CA certificate, which users may install to trust the portal's signatures. */
  public X509Certificate certificate() {
    return authority.certificate();
  }

  /** The rendered and signed PDF of an agreement both parties signed. */
  public byte[] seal(AgreementContent content, String contentHash, List<SigningRecord> signings) {
    byte[] pdf = renderer.render(content, contentHash, signings, clock.zone());
    for (SigningRecord signing : signings) {
      SignerCredential credential =
          credentials.computeIfAbsent(
              signing.signerName() + "\u0000" + signing.organisation(),
              k -> authority.issue(signing.signerName(), signing.organisation()));
      String field =
          "AGENCY".equals(signing.party())
              ? AgreementPdf.AGENCY_FIELD
              : AgreementPdf.SUBCONTRACTOR_FIELD;
      pdf =
          signer.sign(
              pdf,
              field,
              credential,
              signing.signerName(),
              signing.organisation(),
              signing.signedAt(),
              content.orderNumber() + " v" + content.version() + " " + contentHash);
    }
    return pdf;
  }
}
