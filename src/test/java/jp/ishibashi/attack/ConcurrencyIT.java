package jp.ishibashi.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.attack.Portal.Order;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Randomized races over REST: pairs of requests released together by a latch, on one order, in
 * the pairs that can corrupt it — double accept, accept against counter, sign against edit, fund
 * twice, cancel against accept, deliver twice, and accept against reject of a delivery. After each
 * trial the order is read back: exactly one of two exclusive requests won, the state moved once
 * (one version step, one delivery, one deposit), the escrow balances (deposited = held + released +
 * refunded, and deposited is the signed total) and nothing answered 5xx. Orders are reused from
 * trial to trial where their state allows: a funded order is delivered, reviewed and delivered
 * again until its lines are paid.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyIT {

  static final int TRIALS = 1000;
  /** Lanes of trials run side by side, each in its own agency, firing its pairs on two threads. */
  static final int LANES = 2;

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Test
  void racingPairsNeverLoseAnUpdateTransitionTwiceOrUnbalanceTheEscrow() {
    long seed = Long.getLong("attack.seed", System.nanoTime());
    Report report = run(base, TRIALS, seed);
    System.out.println(report.summary());
    assertEquals(TRIALS, report.trials(), report.summary());
    assertEquals(
        List.of(), report.anomalies, report.summary() + ":\n" + String.join("\n", report.anomalies));
  }

  enum Kind {
    DOUBLE_ACCEPT(24),
    ACCEPT_VS_COUNTER(20),
    SIGN_VS_EDIT(10),
    CANCEL_VS_ACCEPT(8),
    FUND_TWICE(6),
    DELIVER_TWICE(16),
    ACCEPT_VS_REJECT(16);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** Trials per kind and every anomaly found. */
  static final class Report {
    final long seed;
    final Map<Kind, Integer> counts = Collections.synchronizedMap(new EnumMap<>(Kind.class));
    final List<String> anomalies = Collections.synchronizedList(new ArrayList<>());
    /** Pairs where both lost to a lock timeout: no harm done, but nobody won. */
    final java.util.concurrent.atomic.AtomicInteger bothRefused = new java.util.concurrent.atomic.AtomicInteger();
    long millis;

    Report(long seed) {
      this.seed = seed;
    }

    int trials() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
      return "Concurrency: " + trials() + " trials " + counts + " in " + millis / 1000 + " s, seed "
          + seed + ", " + bothRefused + " pairs both refused by a lock timeout, " + anomalies.size()
          + " anomalies";
    }
  }

  static Report run(URL base, int trials, long seed) {
    // Each lane acts in its own agency: an agency's changes queue on its audit chain, and the
    // races under test are within one order, not between agencies.
    List<Supplier<Portal>> agencies =
        List.of(
            () -> new Portal(base),
            () -> new Portal(base, Portal.AOBA_ADMIN, Portal.ITO, "伊藤 翔"));
    Report report = new Report(seed);
    long start = System.nanoTime();
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < LANES; i++) {
        int share = trials / LANES + (i < trials % LANES ? 1 : 0);
        Lane lane = new Lane(agencies.get(i % agencies.size()).get(), report, new Random(seed + i));
        running.add(lanes.submit(() -> lane.run(share)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      lanes.shutdownNow();
    }
    report.millis = (System.nanoTime() - start) / 1_000_000;
    return report;
  }

  /** One sequence of trials with its own orders. */
  static final class Lane {
    private final Portal p;
    private final Report report;
    private final Random random;
    private final ExecutorService pair = Executors.newFixedThreadPool(2);
    private final Deque<Order> funded = new ArrayDeque<>();
    private final Deque<Order> delivered = new ArrayDeque<>();
    private Order negotiating;
    private int negotiatingLines;
    private Order agreed;

    Lane(Portal p, Report report, Random random) {
      this.p = p;
      this.report = report;
      this.random = random;
    }

    void run(int trials) {
      try {
        for (int i = 0; i < trials; i++) {
          Kind kind = pick();
          report.counts.merge(kind, 1, Integer::sum);
          try {
            trial(kind);
          } catch (RuntimeException e) {
            report.anomalies.add(kind + ": the trial failed: " + e);
          }
        }
      } finally {
        pair.shutdownNow();
      }
    }

    private Kind pick() {
      int total = 0;
      for (Kind k : Kind.values()) {
        total += k.weight;
      }
      int r = random.nextInt(total);
      for (Kind k : Kind.values()) {
        r -= k.weight;
        if (r < 0) {
          return k;
        }
      }
      throw new IllegalStateException();
    }

    private void trial(Kind kind) {
      switch (kind) {
        case DOUBLE_ACCEPT -> doubleAccept();
        case ACCEPT_VS_COUNTER -> acceptVersusCounter();
        case SIGN_VS_EDIT -> signVersusEdit();
        case CANCEL_VS_ACCEPT -> cancelVersusAccept();
        case FUND_TWICE -> fundTwice(p.signed("並行 仮払", 3));
        case DELIVER_TWICE -> deliverTwice(fundedOrder());
        case ACCEPT_VS_REJECT -> acceptVersusReject(deliveredOrder());
      }
    }

    // ---- Negotiation ----

    /** A new line proposed by the agency on the lane's negotiating order. */
    private JsonObject proposedLine() {
      if (negotiating == null || negotiatingLines >= 25) {
        negotiating = p.sent("並行 交渉", 1);
        negotiatingLines = 0;
      }
      JsonObject order =
          Portal.ok(201, () -> p.agency.post(negotiating.path() + "/lines", Portal.line("行 " + UUID.randomUUID())))
              .json();
      negotiatingLines++;
      return Portal.lines(order).stream()
          .max(java.util.Comparator.comparingLong(Portal::id))
          .orElseThrow();
    }

    private void doubleAccept() {
      JsonObject line = proposedLine();
      String path = negotiating.path() + "/lines/" + Portal.id(line) + "/accept";
      String body = Portal.version(line);
      List<ApiClient.Reply> r = together(() -> p.sub.post(path, body), () -> p.sub.post(path, body));
      String what = "double accept of line " + Portal.id(line) + " on " + negotiating.id();
      serverErrors(what, r);
      exactlyOneWon(what, r);
      JsonObject after = line(negotiating, Portal.id(line));
      oneStep(what, line, after, winners(r));
      if (winners(r) > 0) {
        expectState(what, after, "ACCEPTED");
      }
    }

    private void acceptVersusCounter() {
      JsonObject line = proposedLine();
      String linePath = negotiating.path() + "/lines/" + Portal.id(line);
      String counterText = "対案 " + UUID.randomUUID();
      String counter =
          Portal.line(counterText).replace("}", ",\"version\":" + line.getJsonNumber("version") + "}");
      List<ApiClient.Reply> r =
          together(
              () -> p.sub.post(linePath + "/accept", Portal.version(line)),
              () -> p.sub.put(linePath, counter));
      String what = "accept vs counter of line " + Portal.id(line) + " on " + negotiating.id();
      serverErrors(what, r);
      exactlyOneWon(what, r);
      JsonObject after = line(negotiating, Portal.id(line));
      oneStep(what, line, after, winners(r));
      if (r.get(0).status() == 200) {
        expectState(what, after, "ACCEPTED");
        if (!after.getString("text").equals(line.getString("text"))) {
          report.anomalies.add(what + ": accepted, but the text changed to " + after.getString("text"));
        }
      } else if (r.get(1).status() == 200) {
        if (!after.getString("text").equals(counterText) || !"SUBCONTRACTOR".equals(after.getString("proposedBy"))) {
          report.anomalies.add(what + ": the counter won but the line is " + after);
        }
      }
    }

    /** The agency signs the pending agreement while the subcontractor counters its line. */
    private void signVersusEdit() {
      if (agreed == null) {
        agreed = p.agreed("並行 署名", 1);
      }
      Order o = agreed;
      JsonObject order = p.agency.get(o.path()).json();
      JsonObject line = Portal.lines(order).get(0);
      JsonObject pending = p.pendingAgreement(o);
      String sign = o.path() + "/agreements/" + Portal.id(pending) + "/signatures";
      String signBody =
          ApiClient.object("contentHash", pending.getString("contentHash"), "password", DemoData.PASSWORD);
      String edit =
          Portal.line("修正 " + UUID.randomUUID())
              .replace("}", ",\"version\":" + line.getJsonNumber("version") + "}");
      List<ApiClient.Reply> r =
          together(
              () -> p.agency.post(sign, signBody),
              () -> p.sub.put(o.path() + "/lines/" + Portal.id(line), edit));
      String what = "sign vs edit on " + o.id();
      serverErrors(what, r);
      JsonObject after = p.agency.get(o.path()).json();
      JsonArray agreements = p.agency.get(o.path() + "/agreements").array();
      String status = after.getString("status");
      // Whatever won, no agreement awaiting signatures may carry a signature on other content than
      // the order has now, and a successful edit leaves the signed version void.
      for (JsonObject a : agreements.getValuesAs(JsonObject.class)) {
        boolean awaiting = "AWAITING_SIGNATURES".equals(a.getString("state"));
        boolean signedSome = a.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
            .anyMatch(s -> s.isNull("voidedAt"));
        if (awaiting && signedSome && !status.equals("AGREED")) {
          report.anomalies.add(what + ": agreement " + Portal.id(a) + " keeps a signature while the order is " + status);
        }
      }
      if (r.get(1).status() == 200 && status.equals("AGREED")) {
        report.anomalies.add(what + ": the edit succeeded but the order is still AGREED");
      }
      if (r.get(0).status() == 200 && r.get(1).status() == 200) {
        JsonObject signed = agreements.getValuesAs(JsonObject.class).stream()
            .filter(a -> Portal.id(a) == Portal.id(pending)).findFirst().orElseThrow();
        if ("AWAITING_SIGNATURES".equals(signed.getString("state"))
            && signed.getJsonArray("signatures").getValuesAs(JsonObject.class).stream().anyMatch(s -> s.isNull("voidedAt"))) {
          report.anomalies.add(what + ": both succeeded and the signature on the old content stands");
        }
      }
      // Back to an agreement nobody signed: counter the line (voids any signature), accept it.
      JsonObject l = Portal.lines(p.sub.get(o.path()).json()).get(0);
      if (status.equals("AGREED")) {
        String again =
            Portal.line("再修正 " + UUID.randomUUID()).replace("}", ",\"version\":" + l.getJsonNumber("version") + "}");
        String linePath = o.path() + "/lines/" + Portal.id(l);
        Portal.ok(200, () -> p.sub.put(linePath, again));
        l = Portal.lines(p.agency.get(o.path()).json()).get(0);
      }
      JsonObject edited = l;
      Portal.ok(200, () -> p.agency.post(o.path() + "/lines/" + Portal.id(edited) + "/accept", Portal.version(edited)));
      if (!p.agency.get(o.path()).json().getString("status").equals("AGREED")) {
        agreed = null;
      }
    }

    private void cancelVersusAccept() {
      Order o = p.sent("並行 取消", 1);
      String version = Portal.version(p.sub.get(o.path()).json());
      List<ApiClient.Reply> r =
          together(
              () -> p.agency.post(o.path() + "/fulfilment/cancel", ApiClient.object("reason", "中止します")),
              () -> p.sub.post(o.path() + "/terms/accept", version));
      String what = "cancel vs accept on " + o.id();
      serverErrors(what, r);
      JsonObject after = p.agency.get(o.path()).json();
      if (r.get(0).status() == 200 && !after.getString("status").equals("CANCELLED")) {
        report.anomalies.add(what + ": cancelled, but the order is " + after.getString("status"));
      }
      if (!after.getJsonArray("allowedActions").isEmpty() && after.getString("status").equals("CANCELLED")) {
        report.anomalies.add(what + ": a cancelled order still allows " + after.getJsonArray("allowedActions"));
      }
    }

    // ---- Money ----

    private void fundTwice(Order o) {
      String path = o.path() + "/fulfilment/escrow/fund";
      List<ApiClient.Reply> r =
          together(
              () -> p.agency.post(path, ApiClient.object("reference", "振込-A")),
              () -> p.agency.post(path, ApiClient.object("reference", "振込-B")));
      String what = "fund twice on " + o.id();
      serverErrors(what, r);
      exactlyOneWon(what, r);
      JsonObject escrow = balanced(what, o);
      BigDecimal total = new BigDecimal(p.agency.get(o.path()).json().getJsonObject("totals").getString("total"));
      BigDecimal expected = winners(r) == 0 ? BigDecimal.ZERO : total;
      if (new BigDecimal(escrow.getString("deposited")).compareTo(expected) != 0) {
        report.anomalies.add(what + ": deposited " + escrow.getString("deposited") + " for a total of " + total);
      }
      if (escrow.getString("orderStatus").equals("FUNDED")) {
        funded.add(o);
      }
    }

    private Order fundedOrder() {
      if (funded.isEmpty()) {
        fundTwice(p.signed("並行 仮払", 3));
      }
      return funded.isEmpty() ? p.funded("並行 仮払", 3) : funded.poll();
    }

    private Order deliveredOrder() {
      if (delivered.isEmpty()) {
        deliverTwice(fundedOrder());
      }
      if (delivered.isEmpty()) {
        throw new IllegalStateException("no delivered order to review");
      }
      return delivered.poll();
    }

    private void deliverTwice(Order o) {
      JsonArray earlier = p.sub.get(o.path() + "/fulfilment/deliveries").array();
      java.util.Set<Long> paid = new java.util.HashSet<>();
      for (JsonObject d : earlier.getValuesAs(JsonObject.class)) {
        if (d.getString("state").equals("ACCEPTED")) {
          d.getJsonArray("lineIds").getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> paid.add(n.longValue()));
        }
      }
      long line = Portal.lines(p.sub.get(o.path()).json()).stream()
          .mapToLong(Portal::id).filter(id -> !paid.contains(id)).min().orElseThrow();
      int before = earlier.size();
      String path = o.path() + "/fulfilment/deliveries";
      List<ApiClient.Reply> r =
          together(
              () -> p.sub.post(path, "{\"note\":\"納品A\",\"lineIds\":[" + line + "]}"),
              () -> p.sub.post(path, "{\"note\":\"納品B\",\"lineIds\":[" + line + "]}"));
      String what = "deliver twice on " + o.id() + " (line " + line + ")";
      serverErrors(what, r);
      exactlyOneWon(what, r);
      JsonArray after = p.sub.get(path).array();
      long submitted = after.getValuesAs(JsonObject.class).stream()
          .filter(d -> d.getString("state").equals("SUBMITTED")).count();
      if (after.size() != before + winners(r) || submitted != winners(r)) {
        report.anomalies.add(what + ": " + before + " deliveries became " + after.size() + ", " + submitted + " under review");
      }
      balanced(what, o);
      if (submitted == 1) {
        delivered.add(o);
      } else if (winners(r) == 0) {
        funded.add(o);
      }
    }

    private void acceptVersusReject(Order o) {
      JsonObject before = balanced("before review of " + o.id(), o);
      JsonObject open = p.agency.get(o.path() + "/fulfilment/deliveries").array().getJsonObject(0);
      String lines = open.getJsonArray("lineIds").toString();
      List<ApiClient.Reply> r =
          together(
              () -> p.agency.post(o.path() + "/fulfilment/deliveries/accept", "{}"),
              () -> p.agency.post(o.path() + "/fulfilment/deliveries/reject",
                  "{\"reason\":\"不備があります\",\"lineIds\":" + lines + "}"));
      String what = "accept vs reject on " + o.id();
      serverErrors(what, r);
      exactlyOneWon(what, r);
      JsonObject reviewed = p.agency.get(o.path() + "/fulfilment/deliveries").array().getJsonObject(0);
      JsonObject after = balanced(what, o);
      BigDecimal releasedBefore = new BigDecimal(before.getString("released"));
      BigDecimal releasedAfter = new BigDecimal(after.getString("released"));
      BigDecimal heldBefore = new BigDecimal(before.getString("held"));
      BigDecimal heldAfter = new BigDecimal(after.getString("held"));
      if (r.get(0).status() == 200) {
        if (!reviewed.getString("state").equals("ACCEPTED") || releasedAfter.compareTo(releasedBefore) <= 0
            || releasedAfter.subtract(releasedBefore).compareTo(heldBefore.subtract(heldAfter)) != 0) {
          report.anomalies.add(what + ": accepted, but the delivery is " + reviewed.getString("state")
              + " and released went " + releasedBefore + " → " + releasedAfter + ", held " + heldBefore + " → " + heldAfter);
        }
      } else if (r.get(1).status() == 200) {
        if (!reviewed.getString("state").equals("REJECTED") || releasedAfter.compareTo(releasedBefore) != 0) {
          report.anomalies.add(what + ": rejected, but the delivery is " + reviewed.getString("state")
              + " and released went " + releasedBefore + " → " + releasedAfter);
        }
      }
      if (winners(r) == 0) {
        delivered.add(o);
      } else if (after.getString("orderStatus").equals("FUNDED")) {
        funded.add(o);
      } else if (!after.getString("orderStatus").equals("PAID")) {
        report.anomalies.add(what + ": after the review the order is " + after.getString("orderStatus"));
      }
    }

    // ---- Checks ----

    /** The escrow, checked to balance: deposited = held + released + refunded. */
    private JsonObject balanced(String what, Order o) {
      JsonObject e = Portal.expect(200, p.agency.get(o.path() + "/fulfilment/escrow")).json();
      BigDecimal deposited = new BigDecimal(e.getString("deposited"));
      BigDecimal sum = new BigDecimal(e.getString("held"))
          .add(new BigDecimal(e.getString("released")))
          .add(new BigDecimal(e.getString("refunded")));
      if (deposited.compareTo(sum) != 0) {
        report.anomalies.add(what + ": the ledger does not balance: " + e);
      }
      return e;
    }

    private JsonObject line(Order o, long lineId) {
      return Portal.expect(200, p.agency.get(o.path() + "/lines/" + lineId)).json();
    }

    private void oneStep(String what, JsonObject before, JsonObject after, long winners) {
      long step = after.getJsonNumber("version").longValue() - before.getJsonNumber("version").longValue();
      if (step != winners) {
        report.anomalies.add(what + ": the line's version moved by " + step + " for " + winners + " successful requests");
      }
    }

    private void expectState(String what, JsonObject line, String state) {
      if (!state.equals(line.getString("state"))) {
        report.anomalies.add(what + ": the line is " + line.getString("state") + ", not " + state);
      }
    }

    private void serverErrors(String what, List<ApiClient.Reply> replies) {
      for (ApiClient.Reply r : replies) {
        if (r.status() >= 500) {
          report.anomalies.add(what + ": " + r.status() + " " + IdorMatrixIT.abbreviate(r.body()));
        }
      }
    }

    /**
     * Of two exclusive requests at most one succeeds, and a loser is refused with a 4xx. Both may
     * lose only to a lock held too long (409 error.conflict, "try again"): counted, not an anomaly.
     */
    private void exactlyOneWon(String what, List<ApiClient.Reply> replies) {
      long won = replies.stream().filter(r -> r.status() / 100 == 2).count();
      boolean losersRefused = replies.stream()
          .filter(r -> r.status() / 100 != 2)
          .allMatch(r -> r.status() == 409 || r.status() == 400);
      boolean timedOut = replies.stream()
          .allMatch(r -> r.status() == 409 && "error.conflict".equals(Portal.problemMember(r, "key")));
      if (won == 0 && timedOut) {
        report.bothRefused.incrementAndGet();
        return;
      }
      if (won != 1 || !losersRefused) {
        report.anomalies.add(what + ": " + replies.get(0).status() + " and " + replies.get(1).status()
            + " (" + IdorMatrixIT.abbreviate(replies.get(1).body()) + ")");
      }
    }

    private static long winners(List<ApiClient.Reply> replies) {
      return replies.stream().filter(r -> r.status() / 100 == 2).count();
    }

    /** Both requests, released at the same instant. */
    private List<ApiClient.Reply> together(Supplier<ApiClient.Reply> a, Supplier<ApiClient.Reply> b) {
      CountDownLatch ready = new CountDownLatch(2);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ApiClient.Reply>> futures = new ArrayList<>();
      for (Supplier<ApiClient.Reply> s : List.of(a, b)) {
        Callable<ApiClient.Reply> c =
            () -> {
              ready.countDown();
              go.await();
              return s.get();
            };
        futures.add(pair.submit(c));
      }
      try {
        if (!ready.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the pair did not start");
        }
        go.countDown();
        List<ApiClient.Reply> replies = new ArrayList<>();
        for (Future<ApiClient.Reply> f : futures) {
          replies.add(f.get(120, TimeUnit.SECONDS));
        }
        return replies;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
