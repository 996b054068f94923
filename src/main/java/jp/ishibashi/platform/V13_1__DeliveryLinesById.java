package jp.ishibashi.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves deliveries from line positions to stable line ids. A delivery used to name its lines by
 * their numbers in the agreement version current when it was made ({@code delivered_lines}, null
 * for every line; {@code rejected_lines} for the lines at fault), and an amendment that removes a
 * line shifts every later number, so the old rows only make sense read against that version. This
 * reads each delivery against the newest non-void agreement version frozen by the time it was
 * delivered, writes its lines by id into {@code delivery_line}, and records in {@code line_payment}
 * what each line earned from the first accepted delivery that covered it (its amount plus 10%
 * consumption tax, as the new model pays it). It uses plain JDBC and new negative ids, which the
 * sequences (starting at 50) never give, so it runs alike on H2 and PostgreSQL; its arithmetic is
 * written out here rather than borrowed from the domain classes so that later changes to those
 * cannot change what this migration did.
 */
public class V13_1__DeliveryLinesById extends BaseJavaMigration {

  private static final Logger LOG = Logger.getLogger(V13_1__DeliveryLinesById.class.getName());
  private static final BigDecimal TAX_RATE = new BigDecimal("0.10");

  /** One line a delivery covers: its stable id, whether a rejection named it, its paid amount. */
  record CoveredLine(long lineId, boolean atFault, long amountMinor) {}

  /** One agreement version of a work order, as stored. */
  private record Version(int number, OffsetDateTime frozenAt, String content) {}

  /**
   * The lines a delivery covers, in agreement order: the positions in {@code delivered} (null or
   * blank for every line) read against the version's canonical {@code content}, at fault when
   * {@code rejected} names them; unknown positions are skipped. The amount is quantity times unit
   * price rounded half up to the currency's minor unit, plus its tax rounded down.
   */
  static List<CoveredLine> coveredLines(
      String content, String currency, String delivered, String rejected) {
    boolean everyLine = delivered == null || delivered.isBlank();
    Set<Integer> named = positions(delivered);
    Set<Integer> atFault = positions(rejected);
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(content))) {
      json = reader.readObject();
    }
    List<CoveredLine> covered = new ArrayList<>();
    for (JsonObject line : json.getJsonArray("lines").getValuesAs(JsonObject.class)) {
      int number = line.getInt("number");
      if (everyLine || named.contains(number)) {
        BigDecimal amount =
            line.getJsonNumber("quantity")
                .bigDecimalValue()
                .multiply(line.getJsonNumber("unitPrice").bigDecimalValue())
                .setScale(digits, RoundingMode.HALF_UP);
        BigDecimal tax = amount.multiply(TAX_RATE).setScale(digits, RoundingMode.FLOOR);
        covered.add(
            new CoveredLine(
                line.getJsonNumber("lineId").longValue(),
                atFault.contains(number),
                amount.add(tax).movePointRight(digits).longValueExact()));
      }
    }
    return covered;
  }

  /** The numbers in a list such as "1,3" or "1, 3"; anything else in it is ignored. */
  private static Set<Integer> positions(String list) {
    Set<Integer> numbers = new TreeSet<>();
    if (list != null) {
      for (String part : list.split(",")) {
        if (part.strip().matches("\\d{1,9}")) {
          numbers.add(Integer.valueOf(part.strip()));
        }
      }
    }
    return numbers;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    long nextLineId = -1;
    long nextPaymentId = -1;
    Set<Long> paidLines = new HashSet<>();
    long orderId = 0;
    List<Version> versions = List.of();
    int skipped = 0;
    try (PreparedStatement deliveries =
            c.prepareStatement(
                "select d.id, d.tenant_id, d.work_order_id, d.state, d.delivered_at,"
                    + " d.decided_at, d.delivered_lines, d.rejected_lines, w.currency"
                    + " from delivery d join work_order w on w.id = d.work_order_id"
                    + " order by d.work_order_id, d.delivery_number");
        PreparedStatement insertLine =
            c.prepareStatement(
                "insert into delivery_line (id, tenant_id, delivery_id, line_id, at_fault)"
                    + " values (?, ?, ?, ?, ?)");
        PreparedStatement insertPayment =
            c.prepareStatement(
                "insert into line_payment (id, tenant_id, work_order_id, line_id, delivery_id,"
                    + " agreement_version, basis, amount_minor, currency, paid_at)"
                    + " values (?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?)");
        ResultSet d = deliveries.executeQuery()) {
      while (d.next()) {
        long deliveryId = d.getLong("id");
        long tenantId = d.getLong("tenant_id");
        if (d.getLong("work_order_id") != orderId) {
          orderId = d.getLong("work_order_id");
          versions = versions(c, orderId);
        }
        OffsetDateTime deliveredAt = d.getObject("delivered_at", OffsetDateTime.class);
        Version version = versionAt(versions, deliveredAt);
        if (version == null) {
          skipped++;
          continue;
        }
        String currency = d.getString("currency");
        boolean accepted = Set.of("ACCEPTED", "DEEMED_ACCEPTED").contains(d.getString("state"));
        OffsetDateTime decidedAt = d.getObject("decided_at", OffsetDateTime.class);
        for (CoveredLine line :
            coveredLines(
                version.content(),
                currency,
                d.getString("delivered_lines"),
                d.getString("rejected_lines"))) {
          insertLine.setLong(1, nextLineId--);
          insertLine.setLong(2, tenantId);
          insertLine.setLong(3, deliveryId);
          insertLine.setLong(4, line.lineId());
          insertLine.setBoolean(5, line.atFault());
          insertLine.executeUpdate();
          if (accepted && paidLines.add(line.lineId())) {
            insertPayment.setLong(1, nextPaymentId--);
            insertPayment.setLong(2, tenantId);
            insertPayment.setLong(3, orderId);
            insertPayment.setLong(4, line.lineId());
            insertPayment.setLong(5, deliveryId);
            insertPayment.setInt(6, version.number());
            insertPayment.setLong(7, line.amountMinor());
            insertPayment.setString(8, currency);
            insertPayment.setObject(9, decidedAt != null ? decidedAt : deliveredAt);
            insertPayment.executeUpdate();
          }
        }
      }
    }
    long lines = -1 - nextLineId;
    long payments = -1 - nextPaymentId;
    int withoutAgreement = skipped;
    LOG.info(
        () ->
            "Delivery lines by id: "
                + lines
                + " delivery lines, "
                + payments
                + " line payments, "
                + withoutAgreement
                + " deliveries without an agreement skipped");
  }

  /** The order's non-void agreement versions, newest first. */
  private static List<Version> versions(Connection c, long orderId) throws SQLException {
    List<Version> versions = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "select version_no, frozen_at, content from agreement"
                + " where work_order_id = ? and state <> 'VOID' order by version_no desc")) {
      select.setLong(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          versions.add(
              new Version(
                  rs.getInt("version_no"),
                  rs.getObject("frozen_at", OffsetDateTime.class),
                  rs.getString("content")));
        }
      }
    }
    return versions;
  }

  /** The newest version frozen at or before the time, else the newest; null when none. */
  private static Version versionAt(List<Version> newestFirst, OffsetDateTime at) {
    return newestFirst.stream()
        .filter(v -> !v.frozenAt().isAfter(at))
        .findFirst()
        .orElse(newestFirst.isEmpty() ? null : newestFirst.get(0));
  }
}
