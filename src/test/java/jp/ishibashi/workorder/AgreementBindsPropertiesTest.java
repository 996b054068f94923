package jp.ishibashi.workorder;

import static jp.ishibashi.workorder.Party.AGENCY;
import static jp.ishibashi.workorder.Party.SUBCONTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.ishibashi.account.EmailAddress;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.settlement.LinePay;
import jp.ishibashi.settlement.LineProgress;
import jp.ishibashi.settlement.MoneyInvariants;
import jp.ishibashi.settlement.Plan;
import jp.ishibashi.settlement.SettledLine;
import jp.ishibashi.settlement.Settlement;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN, "The agreement binds", as a model-based property test: thousands of random lifecycles of
 * a signed work order run through the pure core ({@link WorkOrder} and its {@link Lifecycle} table,
 * {@link Settlement}, {@link Ledger}), glued in the order the services glue them (Funding,
 * Deliveries, Cancellations, ChangeRequests, Settlements). Steps are chosen at random, many by the
 * wrong side or in the wrong state; a refused step must throw a {@link DomainException} and change
 * nothing. After every step: (1) deposited = held + released + refunded; (2) a line is paid at most
 * once, never more than its amount with tax in the current signed version; (3) at PAID the release
 * is the current total with tax and nothing is held; (4) at CANCELLED nothing is held; (5) a
 * terminal state allows nothing; every plan is exactly the ledger's movement; and (6) both agreeing
 * to cancel the rest (CANCEL_REMAINING) ends the order. Time passes too: one sequence in five is a
 * late performer's, with demands for performance and endings for non-performance. Each broken
 * property is shrunk to a short sequence, printed step by step with its seed and sequence number:
 * a seed always makes the same sequences, so running the test for that seed reproduces it.
 */
class AgreementBindsPropertiesTest {

  private static final int SEQUENCES = 500;
  private static final int MAX_STEPS = 40;
  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Tokyo");
  private static final BigDecimal KILL_FEE = new BigDecimal("0.5"); // the default policy's share
  private static final String NOTHING = "nothing under review: no-op";
  private static final String[] QUANTITIES = {"1", "1", "2", "3", "0.5", "1.25", "12"};
  private static final UserAccount SUB =
      new UserAccount(
          EmailAddress.of("yamada@example.jp"),
          "山田 太郎",
          "hash",
          UserAccount.Kind.SUBCONTRACTOR,
          NOW);

  /** What a step tries, with a weight for how often. */
  enum Kind {
    FUND(9),
    FUND_EXTRA(6),
    START(7),
    DELIVER(14),
    ACCEPT(10),
    DEEMED(4),
    REJECT(5),
    CHANGE(8),
    CANCEL_REMAINING(3),
    SIGN(4),
    CANCEL(2),
    END(2),
    WAIT(6),
    DEMAND(6),
    END_FOR_NON_PERFORMANCE(6);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }

    /** How often, in an ordinary sequence or a late performer's. */
    int weight(boolean late) {
      if (!late) {
        return weight;
      }
      return switch (this) {
        case DELIVER, ACCEPT, DEEMED, REJECT, CHANGE, CANCEL_REMAINING, CANCEL, END -> 1;
        case WAIT, DEMAND, END_FOR_NON_PERFORMANCE -> 12;
        default -> weight;
      };
    }
  }

  /** One step: its kind and the random long that makes every choice inside it, for replaying. */
  record Step(Kind kind, long choice) {
    @Override
    public String toString() {
      return kind + "#" + Long.toHexString(choice);
    }
  }

  /** The order's setup (its own random long) and the steps that follow. */
  record Sequence(long setup, List<Step> steps) {}

  /** A broken property, named so that shrinking keeps to the same one. */
  static final class Violation extends AssertionError {
    final String property;

    Violation(String property, String detail) {
      super(property + " — " + detail);
      this.property = property;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 2026})
  void moneyFollowsTheSignedAgreementThroughRandomLifecycles(long seed) {
    Random random = new Random(seed);
    Map<String, Integer> coverage = new TreeMap<>();
    Map<String, Integer> failing = new TreeMap<>(); // property → sequences that broke it
    Map<String, String> failures = new TreeMap<>(); // property → its first sequence, shrunk
    for (int i = 0; i < SEQUENCES; i++) {
      Sequence sequence = generate(random);
      Run run = play(sequence);
      run.reached.forEach(what -> coverage.merge(what, 1, Integer::sum));
      coverage.merge("steps", run.played, Integer::sum);
      coverage.merge("refused", run.refused, Integer::sum);
      for (String property : run.broken.keySet()) {
        failing.merge(property, 1, Integer::sum);
        String where = "seed " + seed + ", sequence " + i;
        failures.computeIfAbsent(property, p -> shrunk(where, sequence, p));
      }
    }
    System.out.println("AgreementBindsPropertiesTest seed " + seed + ": " + coverage);
    // A broken property first, with its shortest sequence: it may also be why coverage is thin.
    if (!failures.isEmpty()) {
      StringBuilder report = new StringBuilder("Broken properties:");
      failures.forEach(
          (p, trace) ->
              report.append(
                  "%n%n%s (%d of %d sequences), %s"
                      .formatted(p, failing.get(p), SEQUENCES, trace)));
      fail(report.toString());
    }
    for (String what :
        "PAID CANCELLED TERMINATED WITHDRAWN MUTUAL demanded partial amended rejected".split(" ")) {
      assertThat(coverage.getOrDefault(what, 0)).as(what + " in " + coverage).isGreaterThan(10);
    }
    assertThat(coverage.getOrDefault("NON_PERFORMANCE", 0))
        .as("NON_PERFORMANCE in " + coverage)
        .isGreaterThan(4);
    assertThat(coverage.get("refused"))
        .as("refused steps")
        .isGreaterThan(coverage.get("steps") / 5);
  }

  private static Sequence generate(Random random) {
    // One sequence in five is a late performer's: few deliveries, time passing, demands and
    // endings for non-performance.
    boolean late = random.nextInt(5) == 0;
    int total = 0;
    for (Kind kind : Kind.values()) {
      total += kind.weight(late);
    }
    List<Step> steps = new ArrayList<>();
    for (int n = 1 + random.nextInt(MAX_STEPS); n > 0; n--) {
      int pick = random.nextInt(total);
      Kind kind = Kind.FUND;
      for (Kind k : Kind.values()) {
        kind = k;
        if ((pick -= k.weight(late)) < 0) {
          break;
        }
      }
      steps.add(new Step(kind, random.nextLong()));
    }
    return new Sequence(random.nextLong(), steps);
  }


  /**
   * Runs a sequence from scratch; a property broken inside a step ends it, as nothing holds then.
   */
  private static Run play(Sequence sequence) {
    Run run = new Run(sequence.setup());
    for (Step step : sequence.steps()) {
      try {
        run.step(step);
      } catch (Violation v) {
        run.broke(step, v);
        break;
      } catch (RuntimeException e) {
        run.broke(step, new Violation("no unexpected exception", e.toString()));
        break;
      }
    }
    return run;
  }

  /**
   * Greedy shrinking: drops chunks of steps, halving down to one, while the property still breaks.
   */
  private static String shrunk(String where, Sequence failing, String property) {
    List<Step> steps = new ArrayList<>(failing.steps());
    for (boolean smaller = true; smaller; ) {
      smaller = false;
      for (int chunk = Math.max(1, steps.size() / 2); chunk >= 1; chunk /= 2) {
        for (int from = 0; from + chunk <= steps.size(); ) {
          List<Step> fewer = new ArrayList<>(steps);
          fewer.subList(from, from + chunk).clear();
          if (play(new Sequence(failing.setup(), fewer)).broken.containsKey(property)) {
            steps = fewer;
            smaller = true;
          } else {
            from++;
          }
        }
      }
    }
    List<String> trace = play(new Sequence(failing.setup(), steps)).trace;
    return "%s, shrunk from %d to %d steps:%n    %s"
        .formatted(where, failing.steps().size(), steps.size(), String.join("\n    ", trace));
  }

  /** One order's life: the order, its escrow, what was paid per line, and the open delivery. */
  private static final class Run {
    final WorkOrder order = new WorkOrder("WO-2026-0001", 1L, NOW);
    final Currency currency;
    final Map<Long, Money> paid = new TreeMap<>(); // line id → released for it, any basis
    final Set<Long> accepted = new TreeSet<>(); // the lines paid on acceptance
    final List<String> trace = new ArrayList<>();
    final Set<String> reached = new TreeSet<>(); // for coverage
    final Map<String, String> broken = new LinkedHashMap<>();
    Map<Long, Money> signed; // line id → amount, in the current signed agreement
    Money signedTotal; // its total with tax
    Ledger ledger;
    Money rounding; // the tax rounding released with the last line
    Set<Long> underReview; // the open delivery's lines; null when none is open
    long nextId = 101;
    int played;
    int refused;
    LocalDate today = TODAY; // the portal's clock, moved by WAIT (set before the constructor runs)
    LocalDate lastDelivery; // the day of the latest delivery, for the demand's answer
    boolean cancelPending; // an accepted CANCEL_REMAINING awaits its signatures
    boolean cancelSigned; // an accepted CANCEL_REMAINING was signed

    Run(long setup) {
      Random r = new Random(setup);
      currency = Currency.getInstance(r.nextInt(4) == 0 ? "USD" : "JPY");
      ledger = Ledger.empty(currency);
      rounding = Money.zero(currency);
      order.revise(
          new Terms(
              "サイト改修",
              null,
              null,
              "ja",
              currency.getCurrencyCode(),
              TODAY,
              null,
              TODAY.plusDays(30),
              "メールにて納品",
              7,
              TODAY.plusDays(60),
              "銀行振込"),
          SUB,
          TODAY);
      for (int n = 1 + r.nextInt(4); n > 0; n--) {
        identify(List.of(order.addLine(content(r), AGENCY)));
      }
      order.send(NOW);
      order.acceptTerms(SUBCONTRACTOR, NOW);
      order.getLines().forEach(l -> order.acceptLine(l, SUBCONTRACTOR, NOW));
      order.markSigned(NOW);
      signed();
      if (r.nextBoolean()) {
        // Half the orders run late: their delivery date and grace days are behind them.
        today = TODAY.plusDays(38 + r.nextInt(10));
      }
      trace.add(
          "setup %s, %s, today %s: %s"
              .formatted(Long.toHexString(setup), currency, today, fingerprint()));
    }

    void step(Step step) {
      played++;
      boolean terminal = Lifecycle.isTerminal(order.getStatus());
      String before = fingerprint();
      Ledger ledgerBefore = ledger;
      String what;
      try {
        what = perform(step.kind(), new Random(step.choice()));
      } catch (DomainException e) {
        refused++;
        trace.add(step + " refused: " + e.key());
        expect("a refused step changes nothing", before.equals(fingerprint()), fingerprint());
        expect("a refused step moves no money", ledger == ledgerBefore, ledger.toString());
        return;
      }
      trace.add(step + " " + what + " → " + fingerprint());
      expect(
          "5. a terminal state has no transition",
          !terminal || what.equals(NOTHING) || step.kind() == Kind.WAIT,
          before);
      try {
        check();
      } catch (Violation v) { // the step is complete: record it, and go on
        broke(step, v);
      }
    }

    void broke(Step step, Violation v) {
      if (broken.putIfAbsent(v.property, v.getMessage()) == null) {
        trace.add(step + " !! " + v.getMessage());
      }
    }

    private String perform(Kind kind, Random r) {
      return switch (kind) {
        case FUND -> fund(side(r, AGENCY));
        case FUND_EXTRA -> fundExtra(side(r, AGENCY));
        case START -> start(side(r, SUBCONTRACTOR));
        case DELIVER -> deliver(side(r, SUBCONTRACTOR), r);
        case ACCEPT -> review(side(r, AGENCY));
        case DEEMED -> order.getStatus() == WorkOrderStatus.DELIVERED ? settle(AGENCY) : NOTHING;
        case REJECT -> reject(side(r, AGENCY), r);
        case CHANGE -> change(r);
        case CANCEL_REMAINING -> cancelRemaining(r);
        case SIGN -> sign();
        case CANCEL -> cancel(anySide(r));
        // MUTUAL comes only from a signed amendment (endByAgreement), never from end().
        case END -> end(Ending.values()[r.nextInt(Ending.values().length - 1)], anySide(r));
        case WAIT -> waitDays(8 + r.nextInt(30));
        case DEMAND -> demand(side(r, AGENCY));
        case END_FOR_NON_PERFORMANCE -> end(Ending.NON_PERFORMANCE, side(r, AGENCY));
      };
    }

    // Funding: the order's total, then what an amendment added (total − held − released).
    private String fund(Party by) {
      order.require(OrderAction.FUND, by);
      Money total = order.totals().total();
      // Funding marks the order first and rolls back when the ledger refuses: the same.
      Ledger next = ledger.fund(total, "deposit " + ledger.movements().size(), NOW);
      order.markFunded(by, NOW);
      ledger = next;
      return by + " funds " + total;
    }

    private String fundExtra(Party by) {
      order.require(OrderAction.FUND_EXTRA, by);
      Money due = extraDue();
      if (!due.isPositive()) {
        throw new DomainException("error.funding.nothingDue");
      }
      ledger = ledger.fund(due, "deposit " + ledger.movements().size(), NOW);
      return by + " funds extra " + due;
    }

    private Money extraDue() {
      WorkOrderStatus status = order.getStatus();
      Money due = order.totals().total().minus(ledger.held()).minus(ledger.released());
      return (status == WorkOrderStatus.FUNDED || status == WorkOrderStatus.DELIVERED)
              && due.isPositive()
          ? due
          : Money.zero(currency);
    }

    // Delivery and review, as Deliveries does them.
    private String start(Party by) {
      order.markStarted(by, NOW);
      return by + " starts";
    }

    private String deliver(Party by, Random r) {
      order.require(OrderAction.DELIVER, by);
      if (extraDue().isPositive()) {
        throw new DomainException("error.delivery.extraEscrow");
      }
      List<SettledLine> current = settledLines(Set.of());
      List<Long> chosen =
          switch (r.nextInt(10)) {
            case 0 -> List.of(anyLine(r)); // perhaps accepted or removed: refused
            case 1, 2, 3 -> List.of(); // everything not accepted yet
            default ->
                subset(
                    r,
                    current.stream()
                        .filter(l -> l.progress() != LineProgress.ACCEPTED)
                        .map(SettledLine::lineId)
                        .toList());
          };
      List<Long> covered = Settlement.deliverable(current, chosen);
      order.markDelivered(by, NOW);
      underReview = new TreeSet<>(covered);
      lastDelivery = today;
      return by + " delivers " + covered;
    }

    private String review(Party by) {
      order.require(OrderAction.REVIEW, by);
      if (underReview == null) {
        throw new DomainException("error.delivery.nothingToReview");
      }
      return settle(by);
    }

    /** Deliveries.settle: Settlements.payAccepted, then markReviewed; deemed, by the portal. */
    private String settle(Party by) {
      List<SettledLine> current = settledLines(Set.of());
      Plan plan =
          Settlement.onAcceptance(
              current, underReview, signedTotal, ledger.released(), ledger.held());
      Ledger next = execute(plan);
      boolean every =
          current.stream()
              .allMatch(
                  l -> l.progress() == LineProgress.ACCEPTED || underReview.contains(l.lineId()));
      order.markReviewed(by, every, NOW);
      commit(plan, next);
      String what = by + " accepts " + underReview + ", released " + plan.release();
      underReview = null;
      reached.add(every ? "PAID" : "partial");
      return what;
    }

    private String reject(Party by, Random r) {
      order.require(OrderAction.REVIEW, by);
      if (underReview == null) {
        throw new DomainException("error.delivery.nothingToReview");
      }
      List<Long> faulty =
          switch (r.nextInt(10)) {
            case 0 -> List.of();
            case 1 -> List.of(anyLine(r));
            default -> subset(r, List.copyOf(underReview));
          };
      if (faulty.isEmpty() || !underReview.containsAll(faulty)) { // Delivery.reject
        throw new DomainException(
            faulty.isEmpty() ? "error.delivery.rejectLines" : "error.delivery.unknownLine");
      }
      order.reopenForRework(by);
      underReview = null;
      reached.add("rejected");
      return by + " rejects " + faulty;
    }

    // Change requests, as ChangeRequests accepts them; the amendment then signed, or not yet.
    private String change(Random r) {
      Party proposer = anySide(r);
      order.require(OrderAction.CHANGE, proposer);
      List<LineContent> added = new ArrayList<>();
      List<AcceptedChange.Modified> modified = new ArrayList<>();
      List<Long> removed = new ArrayList<>();
      LocalDate newDate = null;
      List<ScopeLine> named = new ArrayList<>(order.countedLines());
      Collections.shuffle(named, r); // each line named at most once
      for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
        int edit = r.nextInt(4);
        if (edit == 0 || (edit < 3 && named.isEmpty())) {
          added.add(content(r));
        } else if (edit < 3) {
          ScopeLine line = named.remove(0);
          if (accepted.contains(line.getId())) { // ChangeRequests.requireOpenLines
            throw new DomainException("error.change.lineAccepted");
          }
          if (edit == 1) {
            modified.add(new AcceptedChange.Modified(line.getId(), content(r)));
          } else {
            removed.add(line.getId());
            killFee(line, added);
          }
        } else {
          newDate = order.getDeliveryDate().plusDays(1 + r.nextInt(20));
        }
      }
      return amend(r, new AcceptedChange(proposer, added, modified, removed, newDate, false));
    }

    private String cancelRemaining(Random r) {
      Party proposer = anySide(r);
      order.require(OrderAction.CHANGE, proposer);
      List<Long> removed = new ArrayList<>();
      List<LineContent> added = new ArrayList<>();
      for (ScopeLine line : order.countedLines()) {
        if (!accepted.contains(line.getId())) {
          removed.add(line.getId());
          killFee(line, added);
        }
      }
      if (removed.isEmpty()) {
        throw new DomainException("error.line.unchanged"); // the pricing refuses an empty change
      }
      String what = amend(r, new AcceptedChange(proposer, added, List.of(), removed, null, true));
      cancelPending |= order.isAmendmentPending();
      cancelSigned |= !order.isAmendmentPending();
      return what;
    }

    /** Work in progress is never removed for free: the quote adds its kill fee as a line. */
    private void killFee(ScopeLine line, List<LineContent> added) {
      Money fee = line.getContent().amount(currency).times(KILL_FEE, RoundingMode.HALF_UP);
      if (order.getStartedAt() != null && fee.isPositive()) {
        added.add(
            LineContent.of(
                "中途解約料", null, null, BigDecimal.ONE, Unit.LUMP_SUM, fee.amount(), currency));
      }
    }

    private String amend(Random r, AcceptedChange change) {
      Party accepting = change.proposedBy().other();
      order.require(OrderAction.CHANGE, accepting);
      identify(order.applyChange(change, accepting));
      reached.add("amended");
      String what =
          "%s accepts a change: +%d lines, %d modified, %s removed, due %s"
              .formatted(
                  accepting,
                  change.added().size(),
                  change.modified().size(),
                  change.removed(),
                  change.newDeliveryDate());
      if (r.nextInt(3) == 0) {
        return what;
      }
      // Accepting and signing are separate transactions: a refused signature leaves the change.
      try {
        return what + "; " + sign();
      } catch (DomainException refused) {
        return what + "; signing refused: " + refused.key();
      }
    }

    /** Agreements.sign by both sides: the amendment's signatures complete. */
    private String sign() {
      order.require(OrderAction.SIGN, AGENCY);
      order.require(OrderAction.SIGN, SUBCONTRACTOR);
      if (order.isEndingAgreed() && order.getFundedAt() != null) {
        // The second signature's transaction also settles the agreed ending: a plan the escrow
        // cannot pay refuses the signature, and nothing changes.
        Settlement.onEnding(
            Ending.MUTUAL, settledLines(currentAmounts(), Set.of()), BigDecimal.ZERO, ledger.held());
      }
      order.markSigned(NOW);
      signed();
      cancelSigned |= cancelPending;
      cancelPending = false;
      return order.isEndingAgreed()
          ? "both sign the amendment; " + endByAgreement()
          : "both sign the amendment";
    }

    /** Cancellations.endByAgreement: the signed amendment cancels the rest of the order. */
    private String endByAgreement() {
      if (order.getFundedAt() == null) {
        order.endByAgreement(NOW, "agreed");
        reached.add(Ending.MUTUAL.name());
        return "ended by agreement before funding";
      }
      Plan plan = Settlement.onEnding(Ending.MUTUAL, settledLines(Set.of()), BigDecimal.ZERO, ledger.held());
      Ledger next = execute(plan);
      order.endByAgreement(NOW, "agreed");
      commit(plan, next);
      reached.add(Ending.MUTUAL.name());
      return "ended by agreement: released %s, refunded %s".formatted(plan.release(), plan.refund());
    }

    /** Time passes: the portal's clock moves on by some days. */
    private String waitDays(int days) {
      today = today.plusDays(days);
      return days + " days pass: " + today;
    }

    /**
     * Cancellations.demand: the agency demands the open lines by a deadline (the default policy's
     * 7 grace days and 7 days to deliver); refused when nothing is open or it is too early.
     */
    private String demand(Party by) {
      order.require(OrderAction.DEMAND, by);
      if (settledLines(Set.of()).stream().allMatch(l -> l.progress() == LineProgress.ACCEPTED)) {
        throw new DomainException("error.demand.nothingOpen");
      }
      order.demand(by, today, 7, 7, today.atStartOfDay(ZONE).toInstant());
      reached.add("demanded");
      return by + " demands delivery by " + order.getDemandDeadline();
    }

    // Ending, as Cancellations does it: before funding at once, after funding settled first.
    private String cancel(Party by) {
      return end(order.endingFor(by), by);
    }

    private String end(Ending how, Party by) {
      order.require(how.action(), by);
      if (how == Ending.CANCELLED) {
        order.end(how, by, NOW, today, "reason");
        reached.add(how.name());
        return by + " cancels";
      }
      if (how == Ending.NON_PERFORMANCE && order.getDemandDeadline() == null) {
        throw new DomainException("error.demand.deadlineRuns", "-");
      }
      // Cancellations.endForNonPerformance: refused when something arrived after the demand.
      if (how == Ending.NON_PERFORMANCE
          && lastDelivery != null
          && !lastDelivery.isBefore(LocalDate.ofInstant(order.getDemandSentAt(), ZONE))) {
        throw new DomainException("error.demand.answered");
      }
      if (how == Ending.NON_PERFORMANCE && !today.isAfter(order.getDemandDeadline())) {
        throw new DomainException("error.demand.deadlineRuns", order.getDemandDeadline());
      }
      List<SettledLine> current = settledLines(underReview == null ? Set.of() : underReview);
      Plan plan = Settlement.onEnding(how, current, KILL_FEE, ledger.held());
      Ledger next = execute(plan);
      order.end(how, by, NOW, today, "reason");
      commit(plan, next);
      reached.add(how.name());
      return "%s ends it %s: released %s, refunded %s"
          .formatted(by, how, plan.release(), plan.refund());
    }

    /**
     * Settlements.lines: the lines of the current signed agreement, not the order's, so that while
     * an amendment awaits its signatures the money still follows the version both signed.
     */
    private List<SettledLine> settledLines(Set<Long> reviewing) {
      return settledLines(signed, reviewing);
    }

    private List<SettledLine> settledLines(Map<Long, Money> version, Set<Long> reviewing) {
      LineProgress others =
          order.getStartedAt() == null ? LineProgress.NOT_STARTED : LineProgress.IN_PROGRESS;
      return version.entrySet().stream()
          .map(
              l ->
                  new SettledLine(
                      l.getKey(),
                      l.getValue(),
                      accepted.contains(l.getKey())
                          ? LineProgress.ACCEPTED
                          : reviewing.contains(l.getKey()) ? LineProgress.UNDER_REVIEW : others))
          .toList();
    }

    /**
     * One release and one refund, as Settlements.execute. Each payment is checked first (2) against
     * the current signed version, the version Settlements records on it.
     */
    private Ledger execute(Plan plan) {
      Set<Long> inPlan = new TreeSet<>();
      for (LinePay pay : plan.payments()) {
        expect(
            "2. a line is paid at most once",
            !paid.containsKey(pay.lineId()) && inPlan.add(pay.lineId()),
            pay + " after " + paid);
        Money amount = signed.get(pay.lineId());
        expect(
            "2. only lines of the current signed version are paid",
            amount != null,
            pay + "; signed " + signed);
        Money cap = Totals.withTax(amount);
        expect(
            "2. never more than the amount with tax in the signed version",
            pay.amount().isPositive() && pay.amount().compareTo(cap) <= 0,
            pay + " > " + cap);
        expect(
            "2. an accepted line is paid its amount with tax",
            pay.basis() != LinePay.Basis.ACCEPTED || pay.amount().compareTo(cap) == 0,
            pay + " ≠ " + cap);
      }
      expect(
          "a plan moves no negative amount",
          !plan.rounding().isNegative() && !plan.refund().isNegative(),
          plan.toString());
      Ledger next = ledger;
      try {
        if (plan.release().isPositive()) {
          next = next.release(plan.release(), "lines " + inPlan, NOW);
        }
        if (plan.refund().isPositive()) {
          next = next.refund(plan.refund(), "the rest back to the agency", NOW);
        }
      } catch (DomainException e) {
        throw new Violation(
            "the ledger takes every plan", e.key() + " for " + plan + " on " + ledger);
      }
      expect(
          "the plan is the ledger's movement",
          next.released().minus(ledger.released()).compareTo(plan.release()) == 0
              && next.refunded().minus(ledger.refunded()).compareTo(plan.refund()) == 0,
          plan + " on " + ledger);
      return next;
    }

    private void commit(Plan plan, Ledger next) {
      ledger = next;
      rounding = rounding.plus(plan.rounding());
      for (LinePay pay : plan.payments()) {
        paid.put(pay.lineId(), pay.amount());
        if (pay.basis() == LinePay.Basis.ACCEPTED) {
          accepted.add(pay.lineId());
        }
      }
    }

    /** The money invariants of DESIGN, after every step that went through. */
    private void check() {
      Money held = ledger.held();
      WorkOrderStatus status = order.getStatus();
      // 1–5: DESIGN's invariants, as the services check them after every money step.
      List<String> broken =
          MoneyInvariants.broken(
              new MoneyInvariants.Order(
                  status,
                  ledger,
                  signedTotal,
                  signed,
                  paid.entrySet().stream()
                      .map(e -> new MoneyInvariants.Paid(e.getKey(), e.getValue()))
                      .toList(),
                  order.allowedActions(AGENCY),
                  order.allowedActions(SUBCONTRACTOR)));
      broken.forEach(b -> expect(b.substring(0, b.indexOf(' ')) + " (MoneyInvariants)", false, b));
      // What only this model can see.
      Money lines = paid.values().stream().reduce(rounding, Money::plus);
      expect(
          "2. released = the lines' payments + the tax rounding",
          lines.compareTo(ledger.released()) == 0,
          lines + " ≠ " + ledger.released());
      Map<Long, Money> current = currentAmounts();
      for (long id : accepted) {
        Money now = current.get(id);
        expect(
            "2. an accepted line stays as it was paid",
            now != null && Totals.withTax(now).compareTo(paid.get(id)) == 0,
            "line " + id);
      }
      expect(
          "6. a signed CANCEL_REMAINING ends the order, nothing held (DESIGN: 'Both agree')",
          !cancelSigned || Lifecycle.isTerminal(status) && !held.isPositive(),
          fingerprint());
      expect(
          "the model: a delivery is open exactly while DELIVERED",
          (status == WorkOrderStatus.DELIVERED) == (underReview != null),
          status + " " + underReview);
    }

    /** The agreement both signed, as Agreements freezes it from the order's counted lines. */
    private void signed() {
      signed = currentAmounts();
      signedTotal = order.totals().total();
    }

    private Map<Long, Money> currentAmounts() {
      Map<Long, Money> amounts = new TreeMap<>();
      order.countedLines().forEach(l -> amounts.put(l.getId(), l.getContent().amount(currency)));
      return amounts;
    }

    /**
     * What a refused step must leave as it was: state, lines (✗ removed), payments and balances.
     */
    private String fingerprint() {
      StringBuilder lines = new StringBuilder();
      for (ScopeLine l : order.getLines()) {
        lines.append(" ").append(l.getId()).append(l.getState() == LineState.REMOVED ? "✗ " : " ");
        lines.append(l.getContent().amount(currency).amount());
      }
      return "%s%s%s, lines%s, total %s, due %s%s%s, rounding %s | held %s released %s refunded %s"
          .formatted(
              order.getStatus(),
              order.isAmendmentPending() ? " (amendment pending)" : "",
              order.getStartedAt() == null ? "" : " started",
              lines,
              order.totals().total().amount(),
              order.getDeliveryDate(),
              underReview == null ? "" : ", under review " + underReview,
              paid.isEmpty() ? "" : ", paid " + paid,
              rounding.amount(),
              ledger.held().amount(),
              ledger.released().amount(),
              ledger.refunded().amount());
    }

    /**
     * Scope lines get their ids from the database sequence, so in a unit test they have none; give
     * each new line the id it keeps through every amendment, as the database would.
     */
    private void identify(List<ScopeLine> lines) {
      try {
        Field id = ScopeLine.class.getDeclaredField("id");
        id.setAccessible(true);
        for (ScopeLine line : lines) {
          id.set(line, nextId++);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    private long anyLine(Random r) {
      return order.getLines().get(r.nextInt(order.getLines().size())).getId();
    }

    private LineContent content(Random r) {
      BigDecimal quantity = new BigDecimal(QUANTITIES[r.nextInt(QUANTITIES.length)]);
      BigDecimal price =
          currency.getCurrencyCode().equals("JPY")
              ? BigDecimal.valueOf(
                  r.nextBoolean() ? 1 + r.nextInt(999) : 1000L * (1 + r.nextInt(500)))
              : BigDecimal.valueOf(1 + r.nextInt(500_000), 2); // dollars and cents
      return LineContent.of("作業", "成果物", "レビューで合意", quantity, Unit.ITEM, price, currency);
    }
  }

  private static void expect(String property, boolean holds, String detail) {
    if (!holds) {
      throw new Violation(property, detail);
    }
  }

  /** Mostly the side whose action it is; one time in six the other side, to be refused. */
  private static Party side(Random r, Party usual) {
    return r.nextInt(6) == 0 ? usual.other() : usual;
  }

  private static Party anySide(Random r) {
    return r.nextBoolean() ? AGENCY : SUBCONTRACTOR;
  }

  /** A random non-empty subset, in order; empty only when there is nothing to choose from. */
  private static List<Long> subset(Random r, List<Long> ids) {
    List<Long> chosen = new ArrayList<>(ids.stream().filter(id -> r.nextBoolean()).toList());
    return chosen.isEmpty() && !ids.isEmpty() ? List.of(ids.get(r.nextInt(ids.size()))) : chosen;
  }
}
