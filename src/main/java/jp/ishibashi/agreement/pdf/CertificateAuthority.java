package jp.ishibashi.agreement.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The portal's own certificate authority: it issues each person who signs an agreement a fresh key
 * and certificate, so that every signature in a PDF names who signed and for which organisation,
 * and a verifier who trusts this CA can tell the portal's signatures from others.
 *
 * <p>Its key and certificate live in a PKCS#12 file. When the file exists, the CA uses the first
 * key entry in it, so an operator can supply a CA of their own (for example one issued by their
 * company's CA). When it does not, {@link #loadOrCreate} creates a self-signed CA and writes it,
 * readable by its owner only.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CertificateAuthority {

  /** The subject of a CA this class creates. */
  static final String CA_NAME = "Ishibashi Portal CA";

  private static final Duration CA_VALIDITY = Duration.ofDays(3653);
  private static final Duration SIGNER_VALIDITY = Duration.ofDays(1096);

  /** Certificates start a little in the past, so a verifier whose clock is slow accepts them. */
  private static final Duration BACKDATE = Duration.ofHours(1);

  private static final int CA_RSA_BITS = 3072;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey caKey;
  private final X509Certificate caCertificate;
  private final Clock clock;

  private CertificateAuthority(PrivateKey caKey, X509Certificate caCertificate, Clock clock) {
    this.caKey = caKey;
    this.caCertificate = caCertificate;
    this.clock = clock;
  }

  /**
   * Loads the CA from a PKCS#12 file, or creates one and writes that file if it does not exist.
   *
   * <p>A new file is written to a temporary file beside it and then linked or moved into place, so
   * a reader never sees half a key store. If another process created the file meanwhile, its CA
   * wins and is loaded.
   *
   * @param keystore the PKCS#12 file
   * @param password the password of the key store and of its key entry
   * @param clock the clock that dates new certificates
   * @throws IllegalStateException if the file exists but holds no key entry with a certificate, or
   *     cannot be opened with the password
   */
  public static CertificateAuthority loadOrCreate(Path keystore, char[] password, Clock clock) {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clock, "clock");
    if (Files.exists(keystore)) {
      return load(keystore, password, clock);
    }
    CertificateAuthority created = create(clock);
    if (!created.writeIfAbsent(keystore, password)) {
      return load(keystore, password, clock);
    }
    return created;
  }

  /** The CA's certificate: what a verifier trusts to recognise the portal's signatures. */
  public X509Certificate certificate() {
    return caCertificate;
  }

  /**
   * Issues a fresh key and certificate for one person signing for one organisation.
   *
   * <p>The key is ECDSA P-256: generating it takes about a millisecond, where an RSA-2048 key takes
   * tens to hundreds, and OpenPDF signs with it and pdfsig verifies it (see {@code PdfSignerTest}).
   * The certificate is valid for about three years, and never beyond the CA's own certificate.
   *
   * @param personName the signer's name, the certificate's CN; Japanese is kept as UTF-8
   * @param organisation the organisation they sign for, the certificate's O
   */
  public SignerCredential issue(String personName, String organisation) {
    Objects.requireNonNull(personName, "personName");
    Objects.requireNonNull(organisation, "organisation");
    try {
      KeyPair pair = signerKeyPair();
      Instant now = clock.instant();
      Instant notAfter = now.plus(SIGNER_VALIDITY);
      Instant caNotAfter = caCertificate.getNotAfter().toInstant();
      if (notAfter.isAfter(caNotAfter)) {
        notAfter = caNotAfter;
      }
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.CN, personName)
              .addRDN(BCStyle.O, organisation)
              .build();
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  caCertificate,
                  serialNumber(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(notAfter),
                  subject,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(pair.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(caCertificate));
      X509Certificate certificate = sign(builder, caKey);
      return new SignerCredential(
          pair.getPrivate(), new X509Certificate[] {certificate, caCertificate});
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("Cannot issue a signer certificate", e);
    }
  }

  private static KeyPair signerKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static CertificateAuthority load(Path keystore, char[] password, Clock clock) {
    try {
      return fromPkcs12(Files.readAllBytes(keystore), password, clock);
    } catch (IOException | IllegalStateException e) {
      throw new IllegalStateException("Cannot load the CA key store " + keystore, e);
    }
  }

  /**
   * The CA held in PKCS#12 bytes (as {@link #toPkcs12} writes them): the first key entry with a
   * certificate.
   *
   * @throws IllegalStateException if the bytes hold no such entry or the password does not open
   *     them
   */
  public static CertificateAuthority fromPkcs12(byte[] pkcs12, char[] password, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    KeyEntry entry = KeyEntry.read(pkcs12, password);
    return new CertificateAuthority(entry.key(), entry.chain()[0], clock);
  }

  /**
   * This CA as PKCS#12 bytes, its key encrypted with the password (AES-256 on this JDK), for the
   * portal's database.
   */
  public byte[] toPkcs12(char[] password) {
    return KeyEntry.write(caKey, new X509Certificate[] {caCertificate}, password);
  }

  /** A new self-signed CA, in memory only, dated by the clock. */
  public static CertificateAuthority create(Clock clock) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(CA_RSA_BITS, RANDOM);
      KeyPair pair = generator.generateKeyPair();
      Instant now = clock.instant();
      X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, CA_NAME).build();
      PublicKey publicKey = pair.getPublic();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serialNumber(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(CA_VALIDITY)),
                  name,
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
      return new CertificateAuthority(pair.getPrivate(), sign(builder, pair.getPrivate()), clock);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("Cannot create a CA", e);
    }
  }

  /** Signs a certificate with the CA key, SHA-256 with whatever algorithm that key is. */
  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    try {
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot sign with a " + key.getAlgorithm() + " key", e);
    }
  }

  /** A random positive serial number of 127 bits, unique without any counter to keep. */
  private static BigInteger serialNumber() {
    return new BigInteger(127, RANDOM).setBit(0);
  }

  /**
   * Writes this CA to a new PKCS#12 file, unless one appeared meanwhile.
   *
   * @return false if another writer got there first (this CA was not written)
   */
  private boolean writeIfAbsent(Path keystore, char[] password) {
    try {
      Path directory = keystore.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".ca-", ".p12.tmp", ownerOnly(directory));
      try {
        Files.write(temporary, toPkcs12(password));
        return moveIfAbsent(temporary, keystore);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the CA key store " + keystore, e);
    }
  }

  /**
   * Puts a finished file in place without replacing one that exists: a hard link fails if the
   * target exists, where a rename would silently replace it. A file system without hard links gets
   * an atomic rename.
   */
  private static boolean moveIfAbsent(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(target)) {
        return false;
      }
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  /** File permissions rw------- where the file system has POSIX permissions; none otherwise. */
  private static FileAttribute<?>[] ownerOnly(Path directory) {
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "CertificateAuthority["
        + caCertificate.getSubjectX500Principal().getName()
        + ", until "
        + caCertificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate()
        + "]";
  }
}
