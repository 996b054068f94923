package jp.ishibashi.agreement.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Signs an agreement PDF into one of its empty signature fields, as an incremental update: the
 * bytes signed before stay as they are, so an earlier signature stays valid, and the agency and the
 * subcontractor can sign in either order.
 *
 * <p>The signature is a detached PKCS#7 (adbe.pkcs7.detached) over SHA-256 of the whole file except
 * the signature itself. It is made through OpenPDF's external-signature path, because the built-in
 * modes digest with MD5 or SHA-1. Its visible appearance shows the signer's name, organisation and
 * the signing time in IPAex Gothic, so Japanese names render.
 *
 * <p>Thread-safe and reusable.
 */
public final class PdfSigner {

  /**
   * Bytes reserved for the PKCS#7 blob, written as twice as many hex digits. A portal signature
   * (ECDSA signer, RSA-3072 CA) takes under 2 KB; the rest is room for an operator's longer chain.
   */
  private static final int SIGNATURE_SPACE = 8_192;

  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * Signs {@code pdf} in the field {@code fieldName}.
   *
   * @param pdf a PDF from {@link AgreementPdf#render}, signed or not
   * @param fieldName {@link AgreementPdf#AGENCY_FIELD} or {@link AgreementPdf#SUBCONTRACTOR_FIELD}
   * @param credential the signer's key and certificate chain
   * @param displayName the signer's name as shown in the signature's appearance
   * @param organisation the organisation shown under the name
   * @param signedAt the signing time, written into the signature and shown in UTC
   * @param reason why they sign, for example "Agreement version 2 of WO-2026-0001"
   * @return the signed PDF: {@code pdf} followed by the signature's incremental update
   * @throws IllegalArgumentException if the PDF has no empty signature field of that name
   */
  public byte[] sign(
      byte[] pdf,
      String fieldName,
      SignerCredential credential,
      String displayName,
      String organisation,
      Instant signedAt,
      String reason) {
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(signedAt, "signedAt");
    try {
      // Partial reading: only the objects the update touches are parsed, not every page.
      PdfReader reader = new PdfReader(new RandomAccessFileOrArray(pdf), null);
      try {
        requireEmptyField(reader.getAcroFields(), fieldName);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 3 * SIGNATURE_SPACE);
        PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
        Calendar signingTime = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        signingTime.setTimeInMillis(signedAt.toEpochMilli());

        PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
        appearance.setVisibleSignature(fieldName);
        appearance.setSignDate(signingTime);
        appearance.setReason(reason);
        // Size left open: OpenPDF fits the text to the field.
        appearance.setLayer2Font(new Font(IpaexGothic.font()));
        appearance.setLayer2Text(
            displayName + "\n" + nullToEmpty(organisation) + "\n" + SHOWN_TIME.format(signedAt));
        appearance.setRender(PdfSignatureAppearance.SignatureRenderDescription);
        // No legacy "?" and "Signature Not Verified" layers: viewers show the state themselves.
        appearance.setAcro6Layers(true);

        PdfSignature dictionary =
            new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
        dictionary.setDate(new PdfDate(signingTime));
        dictionary.setName(displayName);
        if (reason != null) {
          dictionary.setReason(reason);
        }
        appearance.setCryptoDictionary(dictionary);
        appearance.preClose(Map.of(PdfName.CONTENTS, 2 * SIGNATURE_SPACE + 2));

        byte[] digest = sha256(appearance.getRangeStream());
        byte[] pkcs7 = pkcs7(credential, digest, signingTime);
        if (pkcs7.length > SIGNATURE_SPACE) {
          throw new IllegalStateException(
              "The signature takes " + pkcs7.length + " bytes, more than the space reserved");
        }
        byte[] contents = new byte[SIGNATURE_SPACE];
        System.arraycopy(pkcs7, 0, contents, 0, pkcs7.length);
        PdfDictionary update = new PdfDictionary();
        update.put(PdfName.CONTENTS, new PdfString(contents).setHexWriting(true));
        appearance.close(update);
        return out.toByteArray();
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot sign the PDF", e);
    } catch (DocumentException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the PDF", e);
    }
  }

  private static void requireEmptyField(AcroFields fields, String fieldName) {
    if (!fields.getFieldNamesWithBlankSignatures().contains(fieldName)) {
      throw new IllegalArgumentException("The PDF has no empty signature field named " + fieldName);
    }
  }

  /** The detached PKCS#7 signature over the document digest, with signed attributes. */
  private static byte[] pkcs7(SignerCredential credential, byte[] digest, Calendar signingTime)
      throws GeneralSecurityException {
    PdfPKCS7 pkcs7 =
        new PdfPKCS7(credential.key(), credential.chain(), null, "SHA-256", null, false);
    byte[] attributes = pkcs7.getAuthenticatedAttributeBytes(digest, signingTime, null);
    pkcs7.update(attributes, 0, attributes.length);
    return pkcs7.getEncodedPKCS7(digest, signingTime);
  }

  private static byte[] sha256(InputStream range) throws IOException, GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[65_536];
    for (int n; (n = range.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return digest.digest();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
