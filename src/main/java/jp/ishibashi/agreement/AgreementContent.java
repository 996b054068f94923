package jp.ishibashi.agreement;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Everything two parties agreed in one version of a work order's agreement — the text they sign.
 * Its {@link #canonical() canonical form} is a JSON document with a fixed key order, no
 * insignificant whitespace and plain decimal numbers, so the same content always serialises to
 * the same bytes, on any machine and in any JVM; its SHA-256 is the content hash both parties
 * sign.
 *
 * <p>Dates are calendar dates (ISO-8601); amounts are exact decimals in the order's currency.
 * Nothing here depends on the viewer's language or time zone.
 *
 * @param previousHash the content hash of the version this one amends; null for version 1
 * @param amendment what changed since the previous version and how it was priced; null for
 *     version 1
 */
public record AgreementContent(
    String orderNumber,
    int version,
    String previousHash,
    String language,
    PartyDetails agency,
    PartyDetails subcontractor,
    String title,
    String description,
    String currency,
    LocalDate agreedOn,
    LocalDate commissionedOn,
    LocalDate periodStart,
    LocalDate deliveryDate,
    String placeOfDelivery,
    int reviewDays,
    LocalDate inspectionDeadline,
    LocalDate paymentDueDate,
    String paymentMethod,
    List<Line> lines,
    BigDecimal subtotal,
    BigDecimal taxRate,
    BigDecimal tax,
    BigDecimal total,
    Amendment amendment) {

  /** The format of {@link #canonical()}; part of the hashed text, so a new format is a new hash. */
  public static final String FORMAT = "ishibashi-agreement/1";

  public AgreementContent {
    Objects.requireNonNull(orderNumber, "orderNumber");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(subcontractor, "subcontractor");
    lines = List.copyOf(lines);
  }

  /**
   * One party as named in the agreement.
   *
   * @param name the agency's name, or the subcontractor's name or trade name
   * @param address postal address, where given
   * @param registrationNumber qualified invoice issuer number (T + 13 digits), where given
   */
  public record PartyDetails(String name, String address, String registrationNumber) {
    public PartyDetails {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * One agreed scope line, numbered from 1 in the order shown.
   *
   * @param lineId the work order line it comes from, the same in every version, so versions can be
   *     compared line by line
   */
  public record Line(
      int number,
      long lineId,
      String text,
      String deliverable,
      String acceptanceCriteria,
      BigDecimal quantity,
      String unit,
      BigDecimal unitPrice,
      BigDecimal amount) {}

  /**
   * The change an amended version records: the accepted change request, its reason, and its
   * priced quote — each amount with its basis, in the order's language.
   *
   * @param changeRequest the change request's reference, e.g. {@code CR-2}
   * @param proposedBy AGENCY or SUBCONTRACTOR
   * @param items the quote's breakdown
   * @param extraEscrow the additional escrow to fund (positive) or the refund (negative)
   */
  public record Amendment(
      String changeRequest,
      String proposedBy,
      LocalDate requestedOn,
      String reason,
      LocalDate previousDueDate,
      LocalDate newDueDate,
      List<Item> items,
      BigDecimal subtotal,
      BigDecimal tax,
      BigDecimal total,
      BigDecimal withholding,
      BigDecimal extraEscrow,
      String explanation) {

    public Amendment {
      items = List.copyOf(items);
    }

    /** One amount of the quote, with what it is for and how it was computed. */
    public record Item(
        String kind, String lineRef, String description, BigDecimal amount, String explanation) {}
  }

  /** The canonical JSON text of this content: what the content hash is computed over. */
  public String canonical() {
    CanonicalJson json = new CanonicalJson();
    json.beginObject()
        .field("format", FORMAT)
        .field("orderNumber", orderNumber)
        .field("version", version)
        .field("previousHash", previousHash)
        .field("language", language);
    party(json, "agency", agency);
    party(json, "subcontractor", subcontractor);
    json.field("title", title)
        .field("description", description)
        .field("currency", currency)
        .field("agreedOn", agreedOn)
        .field("commissionedOn", commissionedOn)
        .field("periodStart", periodStart)
        .field("deliveryDate", deliveryDate)
        .field("placeOfDelivery", placeOfDelivery)
        .field("reviewDays", reviewDays)
        .field("inspectionDeadline", inspectionDeadline)
        .field("paymentDueDate", paymentDueDate)
        .field("paymentMethod", paymentMethod);
    json.name("lines").beginArray();
    for (Line line : lines) {
      json.beginObject()
          .field("number", line.number())
          .field("lineId", line.lineId())
          .field("text", line.text())
          .field("deliverable", line.deliverable())
          .field("acceptanceCriteria", line.acceptanceCriteria())
          .field("quantity", line.quantity())
          .field("unit", line.unit())
          .field("unitPrice", line.unitPrice())
          .field("amount", line.amount())
          .endObject();
    }
    json.endArray();
    json.field("subtotal", subtotal)
        .field("taxRate", taxRate)
        .field("tax", tax)
        .field("total", total);
    if (amendment != null) {
      amendment(json, amendment);
    }
    json.endObject();
    return json.toString();
  }

  /** Reads content back from its {@link #canonical()} form, as stored with each agreement. */
  public static AgreementContent parse(String canonical) {
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(canonical))) {
      json = reader.readObject();
    }
    if (!FORMAT.equals(json.getString("format"))) {
      throw new IllegalArgumentException("Unknown agreement format " + json.getString("format"));
    }
    List<Line> lines =
        json.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
            .map(
                l ->
                    new Line(
                        l.getInt("number"),
                        l.getJsonNumber("lineId").longValue(),
                        text(l, "text"),
                        text(l, "deliverable"),
                        text(l, "acceptanceCriteria"),
                        decimal(l, "quantity"),
                        text(l, "unit"),
                        decimal(l, "unitPrice"),
                        decimal(l, "amount")))
            .toList();
    return new AgreementContent(
        text(json, "orderNumber"),
        json.getInt("version"),
        text(json, "previousHash"),
        text(json, "language"),
        party(json.getJsonObject("agency")),
        party(json.getJsonObject("subcontractor")),
        text(json, "title"),
        text(json, "description"),
        text(json, "currency"),
        date(json, "agreedOn"),
        date(json, "commissionedOn"),
        date(json, "periodStart"),
        date(json, "deliveryDate"),
        text(json, "placeOfDelivery"),
        json.getInt("reviewDays"),
        date(json, "inspectionDeadline"),
        date(json, "paymentDueDate"),
        text(json, "paymentMethod"),
        lines,
        decimal(json, "subtotal"),
        decimal(json, "taxRate"),
        decimal(json, "tax"),
        decimal(json, "total"),
        amendment(json));
  }

  private static PartyDetails party(JsonObject json) {
    return new PartyDetails(
        text(json, "name"), text(json, "address"), text(json, "registrationNumber"));
  }

  private static String text(JsonObject json, String name) {
    return json.isNull(name) ? null : json.getString(name);
  }

  private static BigDecimal decimal(JsonObject json, String name) {
    return json.isNull(name) ? null : json.getJsonNumber(name).bigDecimalValue();
  }

  private static LocalDate date(JsonObject json, String name) {
    return json.isNull(name) ? null : LocalDate.parse(json.getString(name));
  }

  /** The SHA-256 of the canonical form's UTF-8 bytes, as 64 lower-case hex digits. */
  public String hash() {
    return sha256(canonical());
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static void amendment(CanonicalJson json, Amendment a) {
    json.name("amendment")
        .beginObject()
        .field("changeRequest", a.changeRequest())
        .field("proposedBy", a.proposedBy())
        .field("requestedOn", a.requestedOn())
        .field("reason", a.reason())
        .field("previousDueDate", a.previousDueDate())
        .field("newDueDate", a.newDueDate());
    json.name("items").beginArray();
    for (Amendment.Item item : a.items()) {
      json.beginObject()
          .field("kind", item.kind())
          .field("lineRef", item.lineRef())
          .field("description", item.description())
          .field("amount", item.amount())
          .field("explanation", item.explanation())
          .endObject();
    }
    json.endArray();
    json.field("subtotal", a.subtotal())
        .field("tax", a.tax())
        .field("total", a.total())
        .field("withholding", a.withholding())
        .field("extraEscrow", a.extraEscrow())
        .field("explanation", a.explanation())
        .endObject();
  }

  private static Amendment amendment(JsonObject json) {
    if (!json.containsKey("amendment")) {
      return null;
    }
    JsonObject a = json.getJsonObject("amendment");
    List<Amendment.Item> items =
        a.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(
                i ->
                    new Amendment.Item(
                        text(i, "kind"),
                        text(i, "lineRef"),
                        text(i, "description"),
                        decimal(i, "amount"),
                        text(i, "explanation")))
            .toList();
    return new Amendment(
        text(a, "changeRequest"),
        text(a, "proposedBy"),
        date(a, "requestedOn"),
        text(a, "reason"),
        date(a, "previousDueDate"),
        date(a, "newDueDate"),
        items,
        decimal(a, "subtotal"),
        decimal(a, "tax"),
        decimal(a, "total"),
        decimal(a, "withholding"),
        decimal(a, "extraEscrow"),
        text(a, "explanation"));
  }

  private static void party(CanonicalJson json, String name, PartyDetails party) {
    json.name(name)
        .beginObject()
        .field("name", party.name())
        .field("address", party.address())
        .field("registrationNumber", party.registrationNumber())
        .endObject();
  }
}
