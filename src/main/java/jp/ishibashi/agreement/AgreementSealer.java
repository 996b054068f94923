package jp.ishibashi.agreement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
 * <p>Keys come from the portal's certificate authority, kept in the database ({@link
 * SigningKeys}) so that every node signs with the same CA. The first node to start creates it, or
 * imports the PKCS#12 file at {@code portal.signing.keystore} when there is one (an operator's own
 * CA, or one an earlier version of the portal wrote there); after that the file is not read. Each
 * signer gets a key and certificate naming the person and the organisation, also stored, so any
 * node signs for that person with the same certificate.
 */
@ApplicationScoped
public class AgreementSealer {

  private static final Logger LOG = Logger.getLogger(AgreementSealer.class.getName());

  static final String CA_KEY = "ca";

  @Inject
  @ConfigProperty(name = "portal.signing.keystore")
  private String keystore;

  @Inject
  @ConfigProperty(name = "portal.signing.keystore-password")
  private String keystorePassword;

  @Inject private PortalClock clock;
  @Inject private SigningKeys keys;

  private CertificateAuthority authority;
  private AgreementPdf renderer;
  private PdfSigner signer;
  private final Map<String, SignerCredential> credentials = new ConcurrentHashMap<>();

  @PostConstruct
  void start() {
    Path path = Path.of(keystore).toAbsolutePath();
    char[] password = keystorePassword.toCharArray();
    byte[] stored =
        storedOrAdded(
            CA_KEY,
            () ->
                (Files.exists(path)
                        ? CertificateAuthority.loadOrCreate(path, password, Clock.systemUTC())
                        : CertificateAuthority.create(Clock.systemUTC()))
                    .toPkcs12(password));
    authority = CertificateAuthority.fromPkcs12(stored, password, Clock.systemUTC());
    renderer = new AgreementPdf();
    signer = new PdfSigner();
    LOG.info(
        () ->
            "Signing certificate authority: "
                + authority.certificate().getSubjectX500Principal().getName()
                + " (in the database)");
  }

  /** The CA certificate, which users may install to trust the portal's signatures. */
  public X509Certificate certificate() {
    return authority.certificate();
  }

  /** The stored name of the key of one person signing for one organisation. */
  static String signerKey(String personName, String organisation) {
    return "signer:" + AgreementContent.sha256(
        (personName + "\u0000" + organisation).getBytes(StandardCharsets.UTF_8));
  }

  private SignerCredential signerCredential(String name, String person, String organisation) {
    char[] password = keystorePassword.toCharArray();
    return SignerCredential.fromPkcs12(
        storedOrAdded(name, () -> authority.issue(person, organisation).toPkcs12(password)),
        password);
  }

  /**
   * The key stored under {@code name}; when there is none, {@code create}'s is stored first. Two
   * nodes creating at once both end with the one the database kept.
   */
  private byte[] storedOrAdded(String name, Supplier<byte[]> create) {
    Optional<byte[]> stored = keys.find(name);
    if (stored.isPresent()) {
      return stored.get();
    }
    try {
      keys.add(name, create.get(), clock.now());
    } catch (EJBException anotherNodeWasFirst) {
      LOG.fine(() -> "Key " + name + " was stored by another node first");
    }
    return keys.find(name).orElseThrow(() -> new IllegalStateException("No key " + name));
  }

  /** The rendered and signed PDF of an agreement both parties signed. */
  public byte[] seal(AgreementContent content, String contentHash, List<SigningRecord> signings) {
    byte[] pdf = renderer.render(content, contentHash, signings, clock.zone());
    for (SigningRecord signing : signings) {
      SignerCredential credential =
          credentials.computeIfAbsent(
              signerKey(signing.signerName(), signing.organisation()),
              name -> signerCredential(name, signing.signerName(), signing.organisation()));
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
