package jp.ishibashi.agreement.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.AgreementContent.Line;
import jp.ishibashi.agreement.AgreementContent.PartyDetails;

/**
 * Renders one version of an agreement (業務委託契約書) as an A4 PDF in the agreement's language: the
 * parties and dates, the scope table over as many pages as it needs, the totals, the payment terms,
 * the terms the Freelance Act requires, a signature block with an empty signature field per party,
 * and last an audit certificate page with what the portal recorded of each signing.
 *
 * <p>The signature fields ({@link #AGENCY_FIELD}, {@link #SUBCONTRACTOR_FIELD}) are made inside the
 * signature block's cells, so {@link PdfSigner} fills them without covering any content. The
 * document information names the order, version and content hash under the keys {@link
 * #INFO_ORDER}, {@link #INFO_VERSION} and {@link #INFO_CONTENT_HASH}, so {@link PdfInspector} can
 * recognise a portal document. Objects are written uncompressed (no object streams), which keeps
 * those keys visible in the bytes even when a damaged file no longer parses.
 *
 * <p>Thread-safe and reusable: build one and share it.
 */
public final class AgreementPdf {

  /** The agency's signature field. */
  public static final String AGENCY_FIELD = "agency-signature";

  /** The subcontractor's signature field. */
  public static final String SUBCONTRACTOR_FIELD = "subcontractor-signature";

  /** Document information key: the work order number. */
  public static final String INFO_ORDER = "IshibashiOrder";

  /** Document information key: the agreement version. */
  public static final String INFO_VERSION = "IshibashiVersion";

  /** Document information key: the content hash (SHA-256 of the canonical content). */
  public static final String INFO_CONTENT_HASH = "IshibashiContentHash";

  /** Scope rows are handed to the document in batches of this many, to bound memory. */
  private static final int ROWS_PER_BATCH = 100;

  private static final float MARGIN = 42;
  private static final float BORDER_WIDTH = 0.5f;
  private static final Color BORDER = new Color(0x99, 0x99, 0x99);
  private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);
  private static final float[] SCOPE_WIDTHS = {5, 47, 9, 8, 14, 17};
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

  private final BaseFont baseFont;
  private final Font titleFont;
  private final Font headingFont;
  private final Font bodyFont;
  private final Font strongFont;
  private final Font smallFont;

  /** Loads the font (once per JVM) and prepares the type styles. */
  public AgreementPdf() {
    baseFont = IpaexGothic.font();
    titleFont = new Font(baseFont, 16, Font.BOLD);
    headingFont = new Font(baseFont, 11, Font.BOLD);
    bodyFont = new Font(baseFont, 9);
    strongFont = new Font(baseFont, 9, Font.BOLD);
    smallFont = new Font(baseFont, 7.5f, Font.NORMAL, MUTED);
  }

  /**
   * Renders an agreement version.
   *
   * @param content the agreed content; its language ("ja" or "en") is the PDF's
   * @param contentHash the content's hash, {@code content.hash()}; checked, since the PDF states it
   * @param signings what was recorded of each party's signing, for the audit certificate; may be
   *     empty
   * @param zone the time zone in which the audit certificate shows local times
   * @return the PDF, with empty signature fields for both parties
   * @throws IllegalArgumentException if the hash does not match the content, or the language is
   *     neither ja nor en
   */
  public byte[] render(
      AgreementContent content, String contentHash, List<SigningRecord> signings, ZoneId zone) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signings, "signings");
    Objects.requireNonNull(zone, "zone");
    if (!content.hash().equals(contentHash)) {
      throw new IllegalArgumentException(
          "The content hash " + contentHash + " is not the hash of this content");
    }
    Labels labels = Labels.of(content.language(), content.currency(), zone);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 12);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(
          new Footer(labels.text("footer", content.orderNumber(), content.version())));
      document.addTitle(
          labels.text("title") + " " + content.orderNumber() + " " + nullToEmpty(content.title()));
      document.addCreator("Ishibashi");
      document.addHeader(INFO_ORDER, content.orderNumber());
      document.addHeader(INFO_VERSION, String.valueOf(content.version()));
      document.addHeader(INFO_CONTENT_HASH, contentHash);
      document.open();
      new Writing(document, content, contentHash, labels).write(signings);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot render agreement " + content.orderNumber(), e);
    }
    return out.toByteArray();
  }

  /** One render: the document being written, and what it is written from. */
  private final class Writing {
    private final Document document;
    private final AgreementContent content;
    private final String contentHash;
    private final Labels labels;

    Writing(Document document, AgreementContent content, String contentHash, Labels labels) {
      this.document = document;
      this.content = content;
      this.contentHash = contentHash;
      this.labels = labels;
    }

    void write(List<SigningRecord> signings) throws DocumentException {
      title();
      parties();
      dates();
      amendment();
      description();
      scope();
      totals();
      payment();
      requiredTerms();
      signatureBlock();
      document.newPage();
      auditCertificate(signings);
    }

    private void title() throws DocumentException {
      Paragraph title = new Paragraph(labels.text("title"), titleFont);
      title.setAlignment(Element.ALIGN_CENTER);
      document.add(title);
      Paragraph subtitle = new Paragraph(nullToEmpty(content.title()), headingFont);
      subtitle.setAlignment(Element.ALIGN_CENTER);
      subtitle.setSpacingAfter(10);
      document.add(subtitle);
    }

    private void parties() throws DocumentException {
      PdfPTable table = table(new float[] {1, 1});
      table.addCell(party(labels.text("party.agency"), content.agency()));
      table.addCell(party(labels.text("party.subcontractor"), content.subcontractor()));
      table.setSpacingAfter(6);
      document.add(table);
    }

    private PdfPCell party(String role, PartyDetails party) {
      Phrase phrase = new Phrase();
      phrase.add(new Chunk(role + "\n", smallFont));
      phrase.add(new Chunk(party.name(), strongFont));
      if (party.address() != null) {
        phrase.add(new Chunk("\n" + labels.text("party.address") + ": ", smallFont));
        phrase.add(new Chunk(party.address(), bodyFont));
      }
      if (party.registrationNumber() != null) {
        phrase.add(new Chunk("\n" + labels.text("party.registration") + ": ", smallFont));
        phrase.add(new Chunk(party.registrationNumber(), bodyFont));
      }
      return cell(phrase, Element.ALIGN_LEFT);
    }

    private void dates() throws DocumentException {
      PdfPTable table = table(new float[] {18, 32, 18, 32});
      pair(table, "order.number", content.orderNumber());
      pair(table, "order.version", String.valueOf(content.version()));
      pair(table, "date.agreed", labels.date(content.agreedOn()));
      pair(table, "date.commissioned", labels.date(content.commissionedOn()));
      pair(table, "date.periodStart", labels.date(content.periodStart()));
      pair(table, "date.delivery", labels.date(content.deliveryDate()));
      pair(table, "date.inspection", labels.date(content.inspectionDeadline()));
      pair(table, "review.days", labels.text("review.daysValue", content.reviewDays()));
      pair(table, "place.delivery", labels.orNone(content.placeOfDelivery()));
      table.addCell(cell(new Phrase(""), Element.ALIGN_LEFT));
      table.addCell(cell(new Phrase(""), Element.ALIGN_LEFT));
      table.setSpacingAfter(6);
      document.add(table);
      if (content.previousHash() != null) {
        document.add(new Paragraph(labels.text("amends", content.previousHash()), bodyFont));
      }
    }

    /**
     * For an amended version: the accepted change request, its reason, and its quote — every
     * amount with its basis, the totals and the extra escrow — as the parties accepted it.
     */
    private void amendment() throws DocumentException {
      AgreementContent.Amendment a = content.amendment();
      if (a == null) {
        return;
      }
      heading("section.amendment");
      PdfPTable facts = table(new float[] {18, 32, 18, 32});
      pair(facts, "amendment.request", a.changeRequest());
      pair(facts, "amendment.proposedBy", labels.text("party." + a.proposedBy().toLowerCase(java.util.Locale.ROOT)));
      pair(facts, "amendment.requestedOn", labels.date(a.requestedOn()));
      pair(
          facts,
          "amendment.dueDate",
          labels.date(a.previousDueDate()) + " → " + labels.date(a.newDueDate()));
      facts.setSpacingAfter(4);
      document.add(facts);
      document.add(new Paragraph(labels.text("amendment.reason") + ": " + nullToEmpty(a.reason()), bodyFont));
      PdfPTable items = table(new float[] {22, 18, 60});
      items.setHeaderRows(1);
      for (String header : new String[] {"amendment.item", "scope.amount", "amendment.basis"}) {
        PdfPCell cell = cell(new Phrase(labels.text(header), strongFont), Element.ALIGN_CENTER);
        cell.setBackgroundColor(SHADE);
        items.addCell(cell);
      }
      for (AgreementContent.Amendment.Item item : a.items()) {
        items.addCell(
            cell(
                new Phrase(
                    labels.text("amendment.kind." + item.kind())
                        + (item.lineRef() == null ? "" : " " + item.lineRef())
                        + "\n"
                        + nullToEmpty(item.description()),
                    bodyFont),
                Element.ALIGN_LEFT));
        items.addCell(cell(new Phrase(labels.money(item.amount()), bodyFont), Element.ALIGN_RIGHT));
        items.addCell(cell(new Phrase(nullToEmpty(item.explanation()), smallFont), Element.ALIGN_LEFT));
      }
      items.setSpacingBefore(4);
      items.setSpacingAfter(4);
      document.add(items);
      PdfPTable totals = table(new float[] {60, 40});
      totals.setWidthPercentage(50);
      totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
      amount(totals, labels.text("amendment.subtotal"), a.subtotal(), bodyFont);
      amount(totals, labels.text("amendment.tax"), a.tax(), bodyFont);
      amount(totals, labels.text("amendment.total"), a.total(), strongFont);
      if (a.withholding() != null && a.withholding().signum() != 0) {
        amount(totals, labels.text("amendment.withholding"), a.withholding(), bodyFont);
      }
      amount(totals, labels.text("amendment.escrow"), a.extraEscrow(), strongFont);
      document.add(totals);
    }

    private void description() throws DocumentException {
      if (content.description() == null || content.description().isBlank()) {
        return;
      }
      heading("section.description");
      document.add(new Paragraph(content.description(), bodyFont));
    }

    /**
     * The scope table. Its header row repeats on every page it spans; its rows reach the document
     * in batches, so a long table never sits in memory whole.
     */
    private void scope() throws DocumentException {
      heading("section.scope");
      PdfPTable table = table(SCOPE_WIDTHS);
      table.setHeaderRows(1);
      table.setComplete(false);
      String[] headers = {
        "scope.no", "scope.item", "scope.quantity", "scope.unit", "scope.unitPrice", "scope.amount"
      };
      for (String header : headers) {
        PdfPCell cell = cell(new Phrase(labels.text(header), strongFont), Element.ALIGN_CENTER);
        cell.setBackgroundColor(SHADE);
        table.addCell(cell);
      }
      String deliverable = labels.text("scope.deliverable") + ": ";
      String acceptance = labels.text("scope.acceptance") + ": ";
      int rows = 0;
      for (Line line : content.lines()) {
        table.addCell(
            cell(new Phrase(String.valueOf(line.number()), bodyFont), Element.ALIGN_RIGHT));
        Phrase item = new Phrase(nullToEmpty(line.text()), bodyFont);
        if (line.deliverable() != null) {
          item.add(new Chunk("\n" + deliverable + line.deliverable(), smallFont));
        }
        if (line.acceptanceCriteria() != null) {
          item.add(new Chunk("\n" + acceptance + line.acceptanceCriteria(), smallFont));
        }
        table.addCell(cell(item, Element.ALIGN_LEFT));
        table.addCell(
            cell(new Phrase(labels.quantity(line.quantity()), bodyFont), Element.ALIGN_RIGHT));
        table.addCell(cell(new Phrase(labels.unit(line.unit()), bodyFont), Element.ALIGN_CENTER));
        table.addCell(
            cell(new Phrase(labels.money(line.unitPrice()), bodyFont), Element.ALIGN_RIGHT));
        table.addCell(cell(new Phrase(labels.money(line.amount()), bodyFont), Element.ALIGN_RIGHT));
        if (++rows % ROWS_PER_BATCH == 0) {
          document.add(table);
        }
      }
      table.setComplete(true);
      table.setSpacingAfter(4);
      document.add(table);
    }

    private void totals() throws DocumentException {
      PdfPTable table = table(new float[] {60, 40});
      table.setWidthPercentage(40);
      table.setHorizontalAlignment(Element.ALIGN_RIGHT);
      String rate = content.taxRate() == null ? "" : labels.percent(content.taxRate());
      amount(table, labels.text("totals.subtotal"), content.subtotal(), bodyFont);
      amount(table, labels.text("totals.tax", rate), content.tax(), bodyFont);
      amount(table, labels.text("totals.total"), content.total(), strongFont);
      document.add(table);
    }

    private void amount(PdfPTable table, String label, BigDecimal value, Font font) {
      PdfPCell name = cell(new Phrase(label, font), Element.ALIGN_LEFT);
      name.setBackgroundColor(SHADE);
      table.addCell(name);
      table.addCell(cell(new Phrase(labels.money(value), font), Element.ALIGN_RIGHT));
    }

    private void payment() throws DocumentException {
      heading("section.payment");
      PdfPTable table = table(new float[] {18, 32, 18, 32});
      pair(table, "payment.dueDate", labels.date(content.paymentDueDate()));
      pair(table, "payment.method", labels.orNone(content.paymentMethod()));
      document.add(table);
    }

    /** The terms Article 3 of the Freelance Act requires in writing (3条明示事項), with values. */
    private void requiredTerms() throws DocumentException {
      heading("section.requiredTerms");
      PdfPTable table = table(new float[] {30, 70});
      pair(
          table,
          "terms.parties",
          labels.text(
              "terms.partiesValue", content.agency().name(), content.subcontractor().name()));
      pair(table, "terms.commissionedOn", labels.date(content.commissionedOn()));
      pair(
          table,
          "terms.scope",
          labels.text("terms.scopeValue", nullToEmpty(content.title()), content.lines().size()));
      pair(table, "terms.deliveryDate", labels.date(content.deliveryDate()));
      pair(table, "terms.placeOfDelivery", labels.orNone(content.placeOfDelivery()));
      pair(table, "terms.inspectionDeadline", labels.date(content.inspectionDeadline()));
      pair(
          table,
          "terms.fee",
          labels.text(
              "terms.feeValue", labels.money(content.total()), labels.money(content.tax())));
      pair(table, "terms.paymentDueDate", labels.date(content.paymentDueDate()));
      pair(table, "terms.paymentMethod", labels.orNone(content.paymentMethod()));
      document.add(table);
    }

    /**
     * A heading row, then one column per party: a label row, then a tall empty cell whose event
     * places the party's signature field exactly inside it. The block is kept on one page.
     */
    private void signatureBlock() throws DocumentException {
      PdfPTable table = table(new float[] {1, 1});
      table.setKeepTogether(true);
      table.setSpacingBefore(8);
      // The heading is the table's first row, so it moves to the next page with the block.
      PdfPCell heading = new PdfPCell(new Phrase(labels.text("section.signatures"), headingFont));
      heading.setColspan(2);
      heading.setBorder(Rectangle.NO_BORDER);
      heading.setPaddingLeft(0);
      heading.setPaddingBottom(6);
      table.addCell(heading);
      table.addCell(signer(labels.text("party.agency"), content.agency()));
      table.addCell(signer(labels.text("party.subcontractor"), content.subcontractor()));
      table.addCell(signatureField(AGENCY_FIELD));
      table.addCell(signatureField(SUBCONTRACTOR_FIELD));
      document.add(table);
    }

    private PdfPCell signer(String role, PartyDetails party) {
      Phrase phrase = new Phrase(role + "\n", smallFont);
      phrase.add(new Chunk(party.name(), strongFont));
      PdfPCell cell = cell(phrase, Element.ALIGN_LEFT);
      cell.setBackgroundColor(SHADE);
      return cell;
    }

    private PdfPCell signatureField(String name) {
      PdfPCell cell =
          cell(new Phrase(labels.text("signature.hint"), smallFont), Element.ALIGN_LEFT);
      cell.setFixedHeight(84);
      cell.setCellEvent(new SignatureField(name));
      return cell;
    }

    private void auditCertificate(List<SigningRecord> signings) throws DocumentException {
      Paragraph title = new Paragraph(labels.text("section.audit"), titleFont);
      title.setAlignment(Element.ALIGN_CENTER);
      title.setSpacingAfter(8);
      document.add(title);
      document.add(new Paragraph(labels.text("audit.intro"), bodyFont));
      PdfPTable summary = table(new float[] {30, 70});
      summary.setSpacingBefore(8);
      pair(summary, "order.number", content.orderNumber());
      pair(summary, "order.version", String.valueOf(content.version()));
      pair(summary, "audit.contentHash", contentHash);
      document.add(summary);
      if (signings.isEmpty()) {
        document.add(new Paragraph(labels.text("audit.none"), bodyFont));
      }
      for (SigningRecord signing : signings) {
        PdfPTable table = table(new float[] {30, 70});
        table.setSpacingBefore(10);
        table.setKeepTogether(true);
        String party =
            SigningRecord.AGENCY.equals(signing.party()) ? "party.agency" : "party.subcontractor";
        pair(table, "audit.party", labels.text(party));
        pair(table, "audit.signer", signing.signerName());
        pair(table, "audit.organisation", labels.orNone(signing.organisation()));
        pair(table, "audit.timeUtc", UTC_TIME.format(signing.signedAt()));
        label(table, labels.text("audit.timeLocal", labels.zoneName()));
        value(table, labels.localTime(signing.signedAt()));
        pair(table, "audit.ip", labels.orNone(signing.ip()));
        pair(table, "audit.userAgent", labels.orNone(signing.userAgent()));
        pair(table, "audit.contentHash", labels.orNone(signing.contentHash()));
        pair(table, "audit.consentHash", labels.orNone(signing.consentHash()));
        document.add(table);
      }
    }

    private void heading(String key) throws DocumentException {
      Paragraph heading = new Paragraph(labels.text(key), headingFont);
      heading.setSpacingBefore(8);
      heading.setSpacingAfter(4);
      document.add(heading);
    }

    /** A label cell and its value cell. */
    private void pair(PdfPTable table, String labelKey, String value) {
      label(table, labels.text(labelKey));
      value(table, value);
    }

    private void label(PdfPTable table, String label) {
      PdfPCell cell = cell(new Phrase(label, smallFont), Element.ALIGN_LEFT);
      cell.setBackgroundColor(SHADE);
      table.addCell(cell);
    }

    private void value(PdfPTable table, String value) {
      table.addCell(cell(new Phrase(nullToEmpty(value), bodyFont), Element.ALIGN_LEFT));
    }
  }

  /** A full-width table with the given relative column widths. */
  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    return table;
  }

  /** A cell with thin grey borders and a little padding. */
  private static PdfPCell cell(Phrase phrase, int alignment) {
    PdfPCell cell = new PdfPCell(phrase);
    cell.setHorizontalAlignment(alignment);
    cell.setBorderWidth(BORDER_WIDTH);
    cell.setBorderColor(BORDER);
    cell.setPadding(4);
    cell.setPaddingTop(2);
    return cell;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /**
   * Places an empty signature field over a cell, inset from its borders, once the cell's final
   * position on its page is known.
   */
  private record SignatureField(String name) implements PdfPCellEvent {
    private static final float INSET = 3;

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
      PdfWriter writer = canvases[PdfPTable.BASECANVAS].getPdfWriter();
      PdfFormField field = PdfFormField.createSignature(writer);
      field.setFieldName(name);
      field.setWidget(
          new Rectangle(
              position.getLeft() + INSET,
              position.getBottom() + INSET,
              position.getRight() - INSET,
              position.getTop() - INSET - 10),
          PdfAnnotation.HIGHLIGHT_INVERT);
      field.setFlags(PdfAnnotation.FLAGS_PRINT);
      writer.addAnnotation(field);
    }
  }

  /** Writes "order, version" and "page / pages" at the foot of every page. */
  private final class Footer extends PdfPageEventHelper {
    private static final float SIZE = 7.5f;
    private final String text;
    private PdfTemplate pageCount;
    private int pages;

    Footer(String text) {
      this.text = text;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      pageCount = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      pages++;
      PdfContentByte canvas = writer.getDirectContent();
      float y = document.bottom() - 20;
      ColumnText.showTextAligned(
          canvas, Element.ALIGN_LEFT, new Phrase(text, smallFont), document.left(), y, 0);
      String page = pages + " / ";
      float width = baseFont.getWidthPoint(page, SIZE);
      float x = document.right() - 24;
      canvas.beginText();
      canvas.setFontAndSize(baseFont, SIZE);
      canvas.setColorFill(MUTED);
      canvas.setTextMatrix(x - width, y);
      canvas.showText(page);
      canvas.endText();
      canvas.addTemplate(pageCount, x, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      pageCount.beginText();
      pageCount.setFontAndSize(baseFont, SIZE);
      pageCount.setColorFill(MUTED);
      pageCount.setTextMatrix(0, 0);
      pageCount.showText(String.valueOf(pages));
      pageCount.endText();
    }
  }
}
