import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.pdf.AgreementPdf;
import jp.ishibashi.audit.AuditHash;
import jp.ishibashi.platform.V13_1__DeliveryLinesById;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Fills an empty PostgreSQL database with a portal at scale: 1,000 agencies, 10,000
 * subcontractors, 100,000 work orders in every state with about 1,000,000 scope lines and their
 * revisions, 20,000 signed agreements, change requests, the escrow ledger, deliveries, deadlines,
 * notifications and each agency's audit hash chain. See generate.sh and docs/scaling.md.
 *
 * <p>The schema comes from the portal's own Flyway migrations; agreement contents, their hashes,
 * the sample PDF and the audit chain are computed with the portal's own classes, so the rows are
 * what the services would have written. Bulk rows are made by the database itself (INSERT …
 * SELECT over generate_series); only the agreements and the audit chain pass through Java.
 *
 * <p>Arguments: JDBC URL, user, project directory (for db/migration and db/postgresql).
 * Environment: PGPASSWORD (may be empty), BIGDATA_PASSWORD (the sign-in password of every
 * generated account).
 */
public class BigData {

  static final int AGENCIES = 1_000;
  static final int SUBCONTRACTORS = 10_000;
  static final int ORDERS = 100_000;
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final Connection db;
  private final long started = System.nanoTime();

  BigData(Connection db) {
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    Path project = Path.of(args[2]).toAbsolutePath();
    String dbPassword = System.getenv().getOrDefault("PGPASSWORD", "");
    String password = System.getenv().getOrDefault("BIGDATA_PASSWORD", "ishibashi-bigdata-2026");

    long t0 = System.nanoTime();
    var result =
        Flyway.configure()
            .dataSource(url, user, dbPassword)
            .locations(
                "filesystem:" + project.resolve("db/migration"),
                "filesystem:" + project.resolve("db/postgresql"))
            .javaMigrations(new V13_1__DeliveryLinesById())
            .load()
            .migrate();
    System.out.printf(
        "migrated: %d migrations, schema version %s (%.1f s)%n",
        result.migrationsExecuted, result.targetSchemaVersion, (System.nanoTime() - t0) / 1e9);

    try (Connection db = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", user, dbPassword)) {
      new BigData(db).run(password);
    }
  }

  void run(String password) throws Exception {
    String hash = passwordHash(password);
    step("agencies", "insert into agency (id, name, created_at, version, address, registration_number)"
        + " select a, '株式会社エージェンシー' || lpad(a::text, 4, '0'),"
        + " timestamptz '2024-01-01 09:00+09' + a * interval '1 hour', 0,"
        + " '東京都千代田区丸の内 ' || a || '-1', 'T' || (1000000000000 + a)"
        + " from generate_series(1, " + AGENCIES + ") a");
    // Accounts: 1..1000 agency admins, 1001..2000 agency staff, 2001..12000 subcontractors.
    try (PreparedStatement ps = db.prepareStatement(
        "insert into user_account (id, email, display_name, password_hash, kind, created_at, version,"
            + " address, registration_number, email_verified_at, withholding_applies)"
            + " select u,"
            + " case when u <= 1000 then 'admin@agency-' || lpad(u::text, 4, '0') || '.example'"
            + "      when u <= 2000 then 'staff@agency-' || lpad((u - 1000)::text, 4, '0') || '.example'"
            + "      else 'sub-' || lpad((u - 2000)::text, 5, '0') || '@freelance.example' end,"
            + " case when u <= 1000 then '管理者 ' || lpad(u::text, 4, '0')"
            + "      when u <= 2000 then '担当者 ' || lpad((u - 1000)::text, 4, '0')"
            + "      else '個人事業主 ' || lpad((u - 2000)::text, 5, '0') end,"
            + " ?, case when u <= 2000 then 'AGENCY' else 'SUBCONTRACTOR' end,"
            + " timestamptz '2024-01-01 10:00+09' + u * interval '1 minute', 0,"
            + " case when u > 2000 then '大阪府大阪市北区梅田 ' || (u - 2000) end,"
            + " case when u > 2000 and u % 2 = 0 then 'T' || (2000000000000 + u) end,"
            + " timestamptz '2024-01-01 10:00+09' + u * interval '1 minute',"
            + " u > 2000 and u % 2 = 1"
            + " from generate_series(1, 2000 + " + SUBCONTRACTORS + ") u")) {
      ps.setString(1, hash);
      report("accounts", ps.executeUpdate());
    }
    step("memberships", "insert into membership (id, tenant_id, user_id, role, joined_at, version)"
        + " select u, case when u <= 1000 then u else u - 1000 end, u,"
        + " case when u <= 1000 then 'AGENCY_ADMIN' else 'AGENCY_STAFF' end,"
        + " timestamptz '2024-01-01 10:00+09' + u * interval '1 minute', 0"
        + " from generate_series(1, 2000) u");
    // Each subcontractor works for 1-5 agencies (3 on average); agency 1 is the big one (600 more
    // subcontractors, a tenth of all orders); subcontractor 1 (account 2001) works for 100 agencies.
    exec("create temp table gen_eng as select distinct tenant_id, sub_id from ("
        + " select 1 + ((s * 37 + j * 211) % 1000) as tenant_id, 2000 + s as sub_id"
        + "   from generate_series(1, " + SUBCONTRACTORS + ") s, generate_series(0, 4) j where j <= s % 5"
        + " union all select 1, 2000 + s from generate_series(1, 600) s"
        + " union all select t, 2001 from generate_series(1, 100) t) x");
    step("engagements", "insert into engagement (id, tenant_id, subcontractor_id, started_at, ended_at, version)"
        + " select row_number() over (order by tenant_id, sub_id), tenant_id, sub_id,"
        + " timestamptz '2024-02-01 09:00+09' + (sub_id % 1000) * interval '1 hour',"
        + " null, 0 from gen_eng");
    step("engagements ended", "update engagement set ended_at = started_at + interval '400 days'"
        + " where id % 25 = 0 and subcontractor_id <> 2001");
    exec("create temp table gen_pick as select tenant_id, sub_id,"
        + " row_number() over (partition by tenant_id order by sub_id) - 1 as rn,"
        + " count(*) over (partition by tenant_id) as cnt from gen_eng");

    orders();
    step("scope lines", "insert into scope_line (id, tenant_id, work_order_id, sort_order, text, deliverable,"
        + " acceptance_criteria, quantity, unit, unit_price_minor, state, proposed_by, version)"
        + " select o.line_base + k, o.tenant_id, o.id, k - 1,"
        + " '作業項目 ' || k || '：画面設計と実装（' || o.id || '）', '成果物 ' || k || '（設計書・ソース一式）',"
        + " '検収基準 ' || k || '：仕様書どおりに動作すること',"
        + " 1 + (o.id + k) % 8, (array['HOUR','DAY','PAGE','SCREEN','ITEM'])[1 + (o.id + k) % 5],"
        + " 1000 * (5 + (o.id * k) % 46),"
        + " case when o.status = 'DRAFT' or (o.status = 'CANCELLED' and not o.signed)"
        + "        or (o.status = 'NEGOTIATING' and k % 3 = 0) then 'PROPOSED' else 'ACCEPTED' end,"
        + " 'AGENCY', case when o.status = 'DRAFT' or (o.status = 'CANCELLED' and not o.signed)"
        + "        or (o.status = 'NEGOTIATING' and k % 3 = 0) then 0 else 1 end"
        + " from gen_order o cross join lateral generate_series(1, o.n) k");
    step("line revisions", "insert into line_revision (id, tenant_id, work_order_id, line_id, action, party,"
        + " actor_id, actor_name, occurred_at, text, deliverable, acceptance_criteria, quantity, unit,"
        + " unit_price_minor)"
        + " select 2 * l.id - 1, l.tenant_id, l.work_order_id, l.id, 'PROPOSED', 'AGENCY', o.created_by,"
        + " a.display_name, o.created_at + l.sort_order * interval '1 second', l.text, l.deliverable,"
        + " l.acceptance_criteria, l.quantity, l.unit, l.unit_price_minor"
        + " from scope_line l join gen_order o on o.id = l.work_order_id"
        + " join user_account a on a.id = o.created_by"
        + " union all"
        + " select 2 * l.id, l.tenant_id, l.work_order_id, l.id, 'ACCEPTED', 'SUBCONTRACTOR', o.sub_id,"
        + " s.display_name, o.sent_at + interval '1 day' + l.sort_order * interval '1 second', l.text,"
        + " l.deliverable, l.acceptance_criteria, l.quantity, l.unit, l.unit_price_minor"
        + " from scope_line l join gen_order o on o.id = l.work_order_id"
        + " join user_account s on s.id = o.sub_id where l.state = 'ACCEPTED'");
    step("work order counters", "insert into work_order_counter (id, tenant_id, order_year, last_value, version)"
        + " select row_number() over (order by tenant_id, y), tenant_id, y, max(seq_in_year), 0"
        + " from gen_order group by tenant_id, y");
    exec("create temp table gen_total as select work_order_id,"
        + " sum(quantity * unit_price_minor)::bigint as subtotal,"
        + " sum(quantity * unit_price_minor)::bigint + floor(sum(quantity * unit_price_minor) * 0.1)::bigint as total"
        + " from scope_line group by work_order_id");
    exec("alter table gen_total add primary key (work_order_id)");

    agreements();
    changeRequests();
    ledger();
    deliveries();
    notifications();
    audit();
    sequences();
    exec("drop table gen_eng, gen_pick, gen_order, gen_total, gen_audit");
    long v = System.nanoTime();
    db.setAutoCommit(true);
    exec("vacuum analyze");
    System.out.printf("%-24s %12s %8.1f s%n", "vacuum analyze", "", (System.nanoTime() - v) / 1e9);
    summary();
  }

  private void orders() throws SQLException {
    // status from a hash of the id: 20% DRAFT, 30% NEGOTIATING, 15% AGREED, 15% CANCELLED before
    // signing; 20% signed: 4% SIGNED, 6% FUNDED, 3% DELIVERED, 6% PAID, 1% withdrawn after funding.
    // Orders x001 and x010 have 50 lines, x002 and x020 five (x010 and x020 in agency 1): FUNDED.
    exec("create temp table gen_order as"
        + " with o as (select i as id,"
        + "   case when i % 10 = 0 then 1 else 2 + (i * 7919) % 999 end as tenant_id,"
        + "   case when i % 1000 in (1, 2, 10, 20) then 85 else ((hashint4(i)::bigint % 100) + 100) % 100 end as r,"
        + "   case when i % 1000 in (1, 10) then 50 when i % 1000 in (2, 20) then 5"
        + "        else 1 + ((hashint4(i + 7)::bigint % 19) + 19) % 19 end as n,"
        + "   date_trunc('second', timestamptz '2025-01-01 09:00+09' + i * interval '9 minutes'"
        + "     + (i % 97) * interval '1 second') as created_at"
        + "   from generate_series(1, " + ORDERS + ") i)"
        + " select o.*, case when r < 20 then 'DRAFT' when r < 50 then 'NEGOTIATING' when r < 65 then 'AGREED'"
        + "   when r < 80 then 'CANCELLED' when r < 84 then 'SIGNED' when r < 90 then 'FUNDED'"
        + "   when r < 93 then 'DELIVERED' when r < 99 then 'PAID' else 'CANCELLED' end as status,"
        + " r >= 80 as signed, r >= 84 as funded,"
        + " sum(n) over (order by id) - n as line_base,"
        + " extract(year from created_at at time zone 'Asia/Tokyo')::int as y,"
        + " row_number() over (partition by tenant_id, extract(year from created_at at time zone 'Asia/Tokyo')"
        + "   order by id) as seq_in_year,"
        + " case when id % 2 = 0 then tenant_id else 1000 + tenant_id end as created_by,"
        + " null::bigint as sub_id, null::timestamptz as sent_at"
        + " from o");
    exec("update gen_order o set sub_id = p.sub_id from gen_pick p"
        + " where p.tenant_id = o.tenant_id and p.rn = o.id % p.cnt");
    exec("update gen_order set sent_at = created_at + interval '1 day'"
        + " where status <> 'DRAFT' and not (status = 'CANCELLED' and not signed and r < 70)");
    exec("alter table gen_order add primary key (id)");
    step("work orders", "insert into work_order (id, tenant_id, order_number, title, description,"
        + " subcontractor_id, language, currency, commissioned_on, period_start, delivery_date,"
        + " place_of_delivery, review_days, payment_due_date, payment_method, status, terms_state,"
        + " created_by, created_at, sent_at, agreed_at, version, signed_at, funded_at, started_at,"
        + " delivered_at, accepted_at, paid_at, cancelled_at, cancel_reason, ended_by,"
        + " amendment_pending, ending_agreed)"
        + " select id, tenant_id,"
        + " 'WO-' || y || '-' || case when seq_in_year < 10000 then lpad(seq_in_year::text, 4, '0') else seq_in_year::text end,"
        + " 'ウェブサイト改修 第' || id || '期', '既存サイトの改修と保守（案件 ' || id || '）',"
        + " sub_id, 'ja', 'JPY', (created_at at time zone 'Asia/Tokyo')::date,"
        + " (created_at at time zone 'Asia/Tokyo')::date + 7, (created_at at time zone 'Asia/Tokyo')::date + 30,"
        + " '電子メールで納品', 10, (created_at at time zone 'Asia/Tokyo')::date + 60, '銀行振込',"
        + " status, case when r >= 50 and not (status = 'CANCELLED' and not signed) then 'ACCEPTED'"
        + "   when status = 'NEGOTIATING' and id % 2 = 0 then 'ACCEPTED' else 'PROPOSED' end,"
        + " created_by, created_at, sent_at,"
        + " case when r >= 50 and not (status = 'CANCELLED' and not signed) then created_at + interval '3 days' end,"
        + " n + 2,"
        + " case when signed then created_at + interval '4 days' end,"
        + " case when funded then created_at + interval '6 days' end,"
        + " case when funded then created_at + interval '7 days' end,"
        + " case when status = 'DELIVERED' then date_trunc('second', now()) - interval '1 day'"
        + "      when status = 'PAID' then created_at + interval '20 days' end,"
        + " case when status = 'PAID' then created_at + interval '25 days' end,"
        + " case when status = 'PAID' then created_at + interval '25 days' end,"
        + " case when status = 'CANCELLED' and signed then created_at + interval '15 days'"
        + "      when status = 'CANCELLED' then created_at + interval '2 days' end,"
        + " case when status = 'CANCELLED' and signed then '体調不良のため辞退します'"
        + "      when status = 'CANCELLED' then '予算の都合により中止' end,"
        + " case when status = 'CANCELLED' and signed then 'WITHDRAWN'"
        + "      when status = 'CANCELLED' then 'CANCELLED' end,"
        + " false, false"
        + " from gen_order");
  }

  /**
   * One agreement version per order that was agreed: AWAITING_SIGNATURES for AGREED orders,
   * SIGNED (two signatures, one stored PDF) for the 20,000 signed ones.
   */
  private void agreements() throws Exception {
    long t = System.nanoTime();
    Map<Long, List<AgreementContent.Line>> lines = new HashMap<>();
    String select =
        "select o.id, o.tenant_id, o.order_number, o.title, o.description, o.commissioned_on,"
            + " o.period_start, o.delivery_date, o.place_of_delivery, o.review_days,"
            + " o.payment_due_date, o.payment_method, o.status, o.agreed_at, o.signed_at, o.created_by,"
            + " a.name, a.address, a.registration_number, s.id, s.display_name, s.address,"
            + " s.registration_number, c.display_name"
            + " from work_order o join agency a on a.id = o.tenant_id"
            + " join user_account s on s.id = o.subcontractor_id"
            + " join user_account c on c.id = o.created_by"
            + " where o.agreed_at is not null order by o.id";
    String lineSelect =
        "select work_order_id, id, text, deliverable, acceptance_criteria, quantity, unit,"
            + " unit_price_minor from scope_line where work_order_id between ? and ?"
            + " and state <> 'REMOVED' order by work_order_id, sort_order";
    db.setAutoCommit(false);
    int agreements = 0;
    int signatures = 0;
    String sampleContent = null;
    String sampleHash = null;
    try (Statement st = db.createStatement();
        PreparedStatement lineQuery = db.prepareStatement(lineSelect);
        PreparedStatement insAgreement = db.prepareStatement(
            "insert into agreement (id, tenant_id, work_order_id, version_no, state, content,"
                + " content_hash, previous_hash, frozen_at, signed_at, voided_at, version)"
                + " values (?, ?, ?, 1, ?, ?, ?, null, ?, ?, null, ?)");
        PreparedStatement insSignature = db.prepareStatement(
            "insert into agreement_signature (id, tenant_id, agreement_id, party, signer_id,"
                + " signer_name, organisation, signed_at, ip, user_agent, content_hash, consent_hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, '127.0.0.1', 'bigdata generator', ?, ?)")) {
      st.setFetchSize(2000);
      long windowEnd = 0;
      try (ResultSet o = st.executeQuery(select)) {
        while (o.next()) {
          long id = o.getLong(1);
          if (id > windowEnd) {
            lines.clear();
            windowEnd = id + 4999;
            lineQuery.setLong(1, id);
            lineQuery.setLong(2, windowEnd);
            try (ResultSet l = lineQuery.executeQuery()) {
              while (l.next()) {
                List<AgreementContent.Line> of = lines.computeIfAbsent(l.getLong(1), k -> new ArrayList<>());
                BigDecimal quantity = l.getBigDecimal(6);
                BigDecimal price = BigDecimal.valueOf(l.getLong(8));
                of.add(new AgreementContent.Line(of.size() + 1, l.getLong(2), l.getString(3),
                    l.getString(4), l.getString(5), quantity, l.getString(7), price,
                    quantity.multiply(price).setScale(0, RoundingMode.HALF_UP)));
              }
            }
          }
          List<AgreementContent.Line> ls = lines.get(id);
          BigDecimal subtotal = ls.stream().map(AgreementContent.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal tax = subtotal.multiply(new BigDecimal("0.10")).setScale(0, RoundingMode.DOWN);
          LocalDate delivery = o.getObject(8, LocalDate.class);
          int reviewDays = o.getInt(10);
          OffsetDateTime agreedAt = o.getObject(14, OffsetDateTime.class);
          OffsetDateTime signedAt = o.getObject(15, OffsetDateTime.class);
          AgreementContent content = new AgreementContent(
              o.getString(3), 1, null, "ja",
              new AgreementContent.PartyDetails(o.getString(17), o.getString(18), o.getString(19)),
              new AgreementContent.PartyDetails(o.getString(21), o.getString(22), o.getString(23)),
              o.getString(4), o.getString(5), "JPY",
              agreedAt.atZoneSameInstant(TOKYO).toLocalDate(),
              o.getObject(6, LocalDate.class), o.getObject(7, LocalDate.class), delivery,
              o.getString(9), reviewDays, delivery.plusDays(reviewDays),
              o.getObject(11, LocalDate.class), o.getString(12), ls,
              subtotal, new BigDecimal("0.10"), tax, subtotal.add(tax), null);
          String canonical = content.canonical();
          String hash = content.hash();
          long tenant = o.getLong(2);
          boolean signed = signedAt != null;
          insAgreement.setLong(1, id);
          insAgreement.setLong(2, tenant);
          insAgreement.setLong(3, id);
          insAgreement.setString(4, signed ? "SIGNED" : "AWAITING_SIGNATURES");
          insAgreement.setString(5, canonical);
          insAgreement.setString(6, hash);
          insAgreement.setObject(7, agreedAt);
          insAgreement.setObject(8, signedAt);
          insAgreement.setLong(9, signed ? 2 : 0);
          insAgreement.addBatch();
          agreements++;
          if (signed) {
            if (sampleContent == null) {
              sampleContent = canonical;
              sampleHash = hash;
            }
            signature(insSignature, 2 * id - 1, tenant, id, "AGENCY", o.getLong(16), o.getString(24),
                o.getString(17), signedAt.minusHours(2), hash);
            signature(insSignature, 2 * id, tenant, id, "SUBCONTRACTOR", o.getLong(20), o.getString(21),
                o.getString(21), signedAt, hash);
            signatures += 2;
          }
          if (agreements % 2000 == 0) {
            insAgreement.executeBatch();
            insSignature.executeBatch();
          }
        }
      }
      insAgreement.executeBatch();
      insSignature.executeBatch();
    }
    db.commit();
    db.setAutoCommit(true);
    System.out.printf("%-24s %12d %8.1f s%n", "agreements", agreements, (System.nanoTime() - t) / 1e9);
    System.out.printf("%-24s %12d%n", "agreement signatures", signatures);

    // One real agreement PDF, rendered by the portal's renderer, stored for every signed agreement.
    byte[] pdf = new AgreementPdf().render(AgreementContent.parse(sampleContent), sampleHash, List.of(), TOKYO);
    String sha = AgreementContent.sha256(pdf);
    exec("create temp table gen_pdf (pdf bytea)");
    try (PreparedStatement ps = db.prepareStatement("insert into gen_pdf values (?)")) {
      ps.setBytes(1, pdf);
      ps.executeUpdate();
    }
    step("agreement documents (" + pdf.length + " bytes each)",
        "insert into agreement_document (id, tenant_id, agreement_id, sha256, byte_count, pdf, created_at)"
            + " select a.id, a.tenant_id, a.id, '" + sha + "', " + pdf.length + ", p.pdf, a.signed_at"
            + " from agreement a, gen_pdf p where a.state = 'SIGNED'");
    exec("drop table gen_pdf");
  }

  private static void signature(PreparedStatement ps, long id, long tenant, long agreement, String party,
      long signer, String name, String organisation, OffsetDateTime at, String contentHash)
      throws SQLException {
    ps.setLong(1, id);
    ps.setLong(2, tenant);
    ps.setLong(3, agreement);
    ps.setString(4, party);
    ps.setLong(5, signer);
    ps.setString(6, name);
    ps.setString(7, organisation);
    ps.setObject(8, at);
    ps.setString(9, contentHash);
    ps.setString(10, AgreementContent.sha256("consent " + party + " " + contentHash));
    ps.addBatch();
  }

  /**
   * A due-date change request on a quarter of the funded and paid orders: priced (still open) on
   * some funded ones, rejected or withdrawn on the rest, so none changed the agreement.
   */
  private void changeRequests() throws SQLException {
    step("change requests", "insert into change_request (id, tenant_id, work_order_id, request_number,"
        + " agreement_id, agreement_version, proposed_by, proposer_id, reason, proposal, quote, currency,"
        + " total_minor, escrow_minor, state, created_at, expires_at, decided_at, decided_by,"
        + " decision_reason, version)"
        + " select o.id, o.tenant_id, o.id, 1, o.id, 1, 'AGENCY', w.created_by, '納期を2週間延ばしたい',"
        + " json_build_object('reason', '納期を2週間延ばしたい', 'edits', json_build_array(json_build_object("
        + "   'type', 'MOVE_DUE_DATE', 'newDueDate', w.delivery_date + 14)))::text,"
        + " json_build_object('currency', 'JPY', 'requestedOn', (c.at at time zone 'Asia/Tokyo')::date,"
        + "   'dueDate', w.delivery_date, 'newDueDate', w.delivery_date + 14, 'breakdown', json_build_array(),"
        + "   'notes', json_build_array(), 'scopeDelta', '0', 'killFees', '0',"
        + "   'totals', json_build_object('subtotal', '0', 'tax', '0', 'total', '0', 'withholding', '0',"
        + "     'payable', '0', 'extraEscrow', '0', 'refund', '0'),"
        + "   'explanationJa', '納期の変更のみで、金額は変わりません。',"
        + "   'explanationEn', 'Only the due date changes; the price does not.')::text,"
        + " 'JPY', 0, 0,"
        + " case when o.status = 'FUNDED' and o.id % 8 = 0 then 'PRICED'"
        + "      when o.status = 'FUNDED' then 'REJECTED' else 'WITHDRAWN' end,"
        + " c.at, case when o.status = 'FUNDED' and o.id % 8 = 0 then now() + interval '5 days'"
        + "            else c.at + interval '7 days' end,"
        + " case when not (o.status = 'FUNDED' and o.id % 8 = 0) then c.at + interval '1 day' end,"
        + " case when o.status = 'FUNDED' and o.id % 8 = 0 then null"
        + "      when o.status = 'FUNDED' then o.sub_id else w.created_by end,"
        + " case when o.status = 'FUNDED' and o.id % 8 <> 0 then '納期は変更できません' end, 0"
        + " from gen_order o join work_order w on w.id = o.id"
        + " cross join lateral (select case when o.status = 'FUNDED' and o.id % 8 = 0"
        + "   then date_trunc('second', now()) - interval '2 days'"
        + "   else w.funded_at + interval '3 days' end as at) c"
        + " where o.status in ('FUNDED', 'PAID') and o.id % 4 = 0");
  }

  /**
   * The escrow: every funded order is funded with its agreed total with tax; paid ones release it
   * line by line (a line_payment each), withdrawn ones refund it. One transaction, so the ledger's
   * deferred balance triggers check every movement at commit.
   */
  private void ledger() throws SQLException {
    db.setAutoCommit(false);
    step("ledger movements", "insert into ledger_movement (id, tenant_id, work_order_id, seq, kind,"
        + " reference, occurred_at, actor_id)"
        + " select 2 * o.id - 1, o.tenant_id, o.id, 1, 'FUND', 'BANK-' || o.id, w.funded_at, o.created_by"
        + " from gen_order o join work_order w on w.id = o.id where o.funded"
        + " union all"
        + " select 2 * o.id, o.tenant_id, o.id, 2, case when o.status = 'PAID' then 'RELEASE' else 'REFUND' end,"
        + " case when o.status = 'PAID' then 'delivery 1 accepted' else 'withdrawn' end,"
        + " coalesce(w.paid_at, w.cancelled_at), case when o.status = 'PAID' then o.created_by else o.sub_id end"
        + " from gen_order o join work_order w on w.id = o.id where o.status = 'PAID'"
        + " or (o.status = 'CANCELLED' and o.funded)");
    step("ledger entries", "insert into ledger_entry (id, tenant_id, work_order_id, movement_id, account,"
        + " amount_minor, currency)"
        + " select 2 * m.id - 1, m.tenant_id, m.work_order_id, m.id,"
        + " case when m.kind = 'FUND' then 'AGENCY_FUNDING' else 'ESCROW_HELD' end, -t.total, 'JPY'"
        + " from ledger_movement m join gen_total t on t.work_order_id = m.work_order_id"
        + " union all"
        + " select 2 * m.id, m.tenant_id, m.work_order_id, m.id,"
        + " case m.kind when 'FUND' then 'ESCROW_HELD' when 'RELEASE' then 'RELEASED_TO_SUBCONTRACTOR'"
        + "   else 'REFUNDED_TO_AGENCY' end, t.total, 'JPY'"
        + " from ledger_movement m join gen_total t on t.work_order_id = m.work_order_id");
    step("ledger heads", "insert into ledger_head (work_order_id, tenant_id, last_seq)"
        + " select work_order_id, min(tenant_id), max(seq) from ledger_movement group by work_order_id");
    db.commit();
    db.setAutoCommit(true);
  }

  /** Deliveries of the delivered and paid orders (every line), and their review deadlines. */
  private void deliveries() throws SQLException {
    step("deliveries", "insert into delivery (id, tenant_id, work_order_id, delivery_number, delivered_by,"
        + " delivered_at, received_on, review_ends_at, payment_due_on, note, state, decided_at,"
        + " decided_by, rejection_reason, version)"
        + " select o.id, o.tenant_id, o.id, 1, o.sub_id, w.delivered_at,"
        + " (w.delivered_at at time zone 'Asia/Tokyo')::date, w.delivered_at + interval '10 days',"
        + " (w.delivered_at at time zone 'Asia/Tokyo')::date + 30, '全行を納品します',"
        + " case when o.status = 'PAID' then 'ACCEPTED' else 'SUBMITTED' end, w.accepted_at,"
        + " case when o.status = 'PAID' then o.created_by end, null, case when o.status = 'PAID' then 1 else 0 end"
        + " from gen_order o join work_order w on w.id = o.id where o.status in ('DELIVERED', 'PAID')");
    step("delivery lines", "insert into delivery_line (id, tenant_id, delivery_id, line_id, at_fault)"
        + " select l.id, l.tenant_id, d.id, l.id, false from delivery d"
        + " join scope_line l on l.work_order_id = d.work_order_id");
    step("line payments", "insert into line_payment (id, tenant_id, work_order_id, line_id, delivery_id,"
        + " agreement_version, basis, amount_minor, currency, paid_at)"
        + " select l.id, l.tenant_id, l.work_order_id, l.id, d.id, 1, 'ACCEPTED',"
        + " (l.quantity * l.unit_price_minor)::bigint + floor(l.quantity * l.unit_price_minor * 0.1)::bigint,"
        + " 'JPY', d.decided_at"
        + " from delivery d join scope_line l on l.work_order_id = d.work_order_id where d.state = 'ACCEPTED'");
    step("deadlines", "insert into deadline (id, tenant_id, kind, subject_id, due_at, state,"
        + " pending_subject_id, claimed_by, fired_at, version)"
        + " select 2 * d.id - 1, d.tenant_id, 'delivery.review', d.work_order_id, d.review_ends_at,"
        + " case when d.state = 'SUBMITTED' then 'PENDING' else 'CANCELLED' end,"
        + " case when d.state = 'SUBMITTED' then d.work_order_id end, null::varchar, null::timestamptz, 0"
        + " from delivery d union all"
        + " select 2 * d.id, d.tenant_id, 'delivery.reviewReminder', d.work_order_id,"
        + " d.review_ends_at - interval '2 days',"
        + " case when d.state = 'SUBMITTED' then 'PENDING' else 'CANCELLED' end,"
        + " case when d.state = 'SUBMITTED' then d.work_order_id end, null::varchar, null::timestamptz, 0"
        + " from delivery d");
  }

  /** The inbox: what each side was told about each order (read when older than 30 days). */
  private void notifications() throws SQLException {
    step("notifications", "insert into notification (id, tenant_id, recipient_id, kind, work_order_id,"
        + " params, created_at, read_at)"
        + " select row_number() over (order by at, o.id, kind), o.tenant_id, recipient, kind, o.id,"
        + " w.order_number || chr(31) || w.title, at, case when at < now() - interval '30 days' then at + interval '1 hour' end"
        + " from gen_order o join work_order w on w.id = o.id cross join lateral (values"
        + "   ('ORDER_SENT', o.sub_id, w.sent_at),"
        + "   ('SIGNATURE_NEEDED', o.sub_id, w.agreed_at),"
        + "   ('SIGNATURE_NEEDED', o.created_by, w.agreed_at),"
        + "   ('FUNDED', o.sub_id, w.funded_at),"
        + "   ('DELIVERED', o.created_by, w.delivered_at),"
        + "   ('ORDER_ENDED', o.created_by, case when o.signed then w.cancelled_at end),"
        + "   ('ORDER_ENDED', o.sub_id, case when w.sent_at is not null then w.cancelled_at end)"
        + " ) as n(kind, recipient, at) where at is not null");
  }

  /**
   * The audit trail: the events each order's use cases record, then each agency's hash chain
   * computed with the portal's AuditHash, in time order, and its head.
   */
  private void audit() throws Exception {
    exec("create temp table gen_audit as"
        + " select o.tenant_id, e.at, e.rank, e.actor, e.action, o.id as subject_id, e.details"
        + " from gen_order o join work_order w on w.id = o.id"
        + " left join gen_total t on t.work_order_id = o.id cross join lateral (values"
        + "   ('WORK_ORDER_CREATED', 1, o.created_by, w.created_at, w.order_number),"
        + "   ('WORK_ORDER_SENT', 2, o.created_by, w.sent_at, w.order_number),"
        + "   ('TERMS_ACCEPTED', 3, o.sub_id, case when w.agreed_at is not null then w.agreed_at - interval '1 minute' end, w.order_number),"
        + "   ('AGREEMENT_FROZEN', 4, o.sub_id, w.agreed_at, 'version 1'),"
        + "   ('AGREEMENT_SIGNED', 5, o.created_by, w.signed_at - interval '2 hours', 'version 1 by the AGENCY'),"
        + "   ('AGREEMENT_SIGNED', 6, o.sub_id, w.signed_at, 'version 1 by the SUBCONTRACTOR'),"
        + "   ('AGREEMENT_SEALED', 7, o.sub_id, w.signed_at, 'version 1'),"
        + "   ('ESCROW_FUNDED', 8, o.created_by, w.funded_at, 'FUND ' || coalesce(t.total, 0) || ' JPY'),"
        + "   ('WORK_STARTED', 9, o.sub_id, w.started_at, w.order_number),"
        + "   ('DELIVERED', 10, o.sub_id, w.delivered_at, 'delivery 1'),"
        + "   ('DELIVERY_ACCEPTED', 11, o.created_by, w.accepted_at, 'delivery 1'),"
        + "   ('ESCROW_RELEASED', 12, o.created_by, w.paid_at, 'RELEASE ' || coalesce(t.total, 0) || ' JPY'),"
        + "   ('WORK_ORDER_CANCELLED', 13, case when o.signed then o.sub_id else o.created_by end,"
        + "     w.cancelled_at, 'by the ' || case when o.signed then 'SUBCONTRACTOR' else 'AGENCY' end || ': ' || w.cancel_reason),"
        + "   ('ESCROW_REFUNDED', 14, o.sub_id, case when o.signed then w.cancelled_at end, 'REFUND ' || coalesce(t.total, 0) || ' JPY')"
        + " ) as e(action, rank, actor, at, details)"
        + " where e.at is not null");
    long t = System.nanoTime();
    Map<Long, long[]> seqs = new HashMap<>();
    Map<Long, String> heads = new HashMap<>();
    StringBuilder copy = new StringBuilder(1 << 20);
    long id = 0;
    var copier = db.unwrap(PGConnection.class).getCopyAPI();
    try (Statement st = db.createStatement()) {
      db.setAutoCommit(false);
      st.setFetchSize(10_000);
      try (ResultSet r = st.executeQuery(
          "select tenant_id, at, actor, action, subject_id, details from gen_audit"
              + " order by tenant_id, at, subject_id, rank")) {
        while (r.next()) {
          long tenant = r.getLong(1);
          Instant at = AuditHash.micros(r.getObject(2, OffsetDateTime.class).toInstant());
          long seq = ++seqs.computeIfAbsent(tenant, k -> new long[1])[0];
          String previous = heads.getOrDefault(tenant, AuditHash.GENESIS);
          String hash = AuditHash.of(tenant, seq, at, r.getLong(3), r.getString(4), "WorkOrder",
              r.getLong(5), r.getString(6), "127.0.0.1", previous);
          heads.put(tenant, hash);
          id++;
          copy.append(id).append('\t').append(tenant).append('\t').append(at).append('\t')
              .append(r.getLong(3)).append('\t').append(r.getString(4)).append("\tWorkOrder\t")
              .append(r.getLong(5)).append('\t').append(copyText(r.getString(6))).append('\t')
              .append(seq).append("\t127.0.0.1\t").append(previous).append('\t').append(hash).append('\n');
          if (copy.length() > (1 << 22)) {
            copyAudit(copier, copy);
          }
        }
      }
      copyAudit(copier, copy);
      db.commit();
      db.setAutoCommit(true);
    }
    System.out.printf("%-24s %12d %8.1f s%n", "audit events", id, (System.nanoTime() - t) / 1e9);
    try (PreparedStatement ps = db.prepareStatement(
        "insert into audit_chain_head (tenant_id, last_seq, last_hash) values (?, ?, ?)")) {
      for (long a = 1; a <= AGENCIES; a++) {
        ps.setLong(1, a);
        ps.setLong(2, seqs.containsKey(a) ? seqs.get(a)[0] : 0);
        ps.setString(3, heads.getOrDefault(a, AuditHash.GENESIS));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void copyAudit(org.postgresql.copy.CopyManager copier, StringBuilder rows)
      throws Exception {
    copier.copyIn(
        "copy audit_event (id, tenant_id, occurred_at, actor_id, action, subject_type, subject_id,"
            + " details, seq, ip, previous_hash, event_hash) from stdin",
        new StringReader(rows.toString()));
    rows.setLength(0);
  }

  private static String copyText(String s) {
    if (s == null) {
      return "\\N";
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  /**
   * Every sequence past the generated ids. EclipseLink takes a sequence value as the last id of a
   * block of 50, so the next block starts above max(id) once the sequence is set there.
   */
  private void sequences() throws SQLException {
    List<String[]> pairs = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet r = st.executeQuery(
            "select s.sequencename, t.tablename from pg_sequences s join pg_tables t"
                + " on t.schemaname = s.schemaname and (t.tablename = replace(s.sequencename, '_seq', '')"
                + "   or (s.sequencename = 'user_seq' and t.tablename = 'user_account'))"
                + " where s.schemaname = 'public'")) {
      while (r.next()) {
        pairs.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    for (String[] p : pairs) {
      exec("select setval('" + p[0] + "', greatest(50, coalesce((select max(id) from " + p[1]
          + "), 0) + 50))");
    }
    report("sequences advanced", pairs.size());
  }

  private void summary() throws SQLException {
    System.out.println();
    try (Statement st = db.createStatement();
        ResultSet r = st.executeQuery(
            "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))"
                + " from pg_stat_user_tables order by pg_total_relation_size(relid) desc limit 12")) {
      while (r.next()) {
        System.out.printf("%-24s %12d rows %10s%n", r.getString(1), r.getLong(2), r.getString(3));
      }
    }
    try (Statement st = db.createStatement();
        ResultSet r = st.executeQuery(
            "select status, count(*) from work_order group by status order by 2 desc")) {
      StringBuilder s = new StringBuilder("work orders by status:");
      while (r.next()) {
        s.append(' ').append(r.getString(1)).append('=').append(r.getLong(2));
      }
      System.out.println(s);
    }
    try (Statement st = db.createStatement();
        ResultSet r = st.executeQuery(
            "select pg_size_pretty(pg_database_size(current_database()))")) {
      r.next();
      System.out.println("database size: " + r.getString(1));
    }
    System.out.printf("total: %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private void step(String name, String sql) throws SQLException {
    long t = System.nanoTime();
    int rows;
    try (Statement st = db.createStatement()) {
      rows = st.executeUpdate(sql);
    }
    System.out.printf("%-24s %12d %8.1f s%n", name, rows, (System.nanoTime() - t) / 1e9);
  }

  private void exec(String sql) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(sql);
    }
  }

  private static void report(String name, long n) {
    System.out.printf("%-24s %12d%n", name, n);
  }

  /** A hash in the format of Jakarta Security's Pbkdf2PasswordHash, as the portal stores it. */
  static String passwordHash(String password) throws Exception {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    int iterations = 210_000;
    byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 512))
        .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    return "PBKDF2WithHmacSHA512:" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
  }
}
