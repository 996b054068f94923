package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.ishibashi.change.pricing.Edit.AddLine;
import jp.ishibashi.change.pricing.Edit.CancelRemaining;
import jp.ishibashi.change.pricing.Edit.ModifyLine;
import jp.ishibashi.change.pricing.Edit.RemoveLine;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to price a change against agreements of 10, 1,000 and 10,000 lines (see docs/benchmarks.md
 * for the command and the results). {@code priceChange} is a typical change: two added lines, two
 * modified, two removed, three days before the due date, with withholding and a rate card; its cost
 * grows only with indexing the agreement. {@code cancelRemaining} is the worst case, where every
 * line is priced and explained.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PricingBenchmark {

  @Param({"10", "1000", "10000"})
  public int lines;

  private final PricingCalculator calculator = new PricingCalculator();
  private PricingInput change;
  private PricingInput cancel;

  @Setup
  public void setUp() {
    LocalDate due = LocalDate.of(2025, 7, 31);
    Unit[] units = {Unit.HOUR, Unit.DAY, Unit.PAGE};
    Progress[] progress = Progress.values();
    List<AgreedLine> agreed = new ArrayList<>(lines);
    for (int i = 1; i <= lines; i++) {
      agreed.add(
          new AgreedLine(
              i,
              "Scope line " + i + " of " + lines,
              BigDecimal.valueOf(1 + i % 7),
              units[i % units.length],
              Money.of(String.valueOf(5_000 + i % 11 * 500), "JPY"),
              i % 2 == 0 ? "coding" : null,
              progress[i % progress.length],
              false));
    }
    AgreedScope agreement = new AgreedScope(agreed, due, Money.currency("JPY"));
    RateCard card =
        RateCard.empty()
            .with(Unit.HOUR, "coding", Money.of("5000", "JPY"))
            .with(Unit.PAGE, null, Money.of("8000", "JPY"));
    Proposal proposal =
        Proposal.of(
            "The client's customer changed the specification",
            new AddLine(
                "Campaign section", new BigDecimal("60"), Unit.HOUR, yen(5_500), "coding", null),
            new AddLine("Two more pages", new BigDecimal("2"), Unit.PAGE, yen(9_000), null, null),
            ModifyLine.quantity(lines / 2, new BigDecimal("9")),
            new ModifyLine(lines / 3 + 1, null, yen(11_000), null, "Responsive"),
            new RemoveLine(lines),
            new RemoveLine(lines - 1));
    change =
        new PricingInput(
            agreement, proposal, due.minusDays(3), PricingPolicy.defaults(), card, true);
    cancel =
        new PricingInput(
            agreement,
            Proposal.of("The project is stopped", new CancelRemaining()),
            due.minusDays(3),
            PricingPolicy.defaults(),
            card,
            true);
  }

  private static Money yen(long amount) {
    return Money.of(String.valueOf(amount), "JPY");
  }

  @Benchmark
  public Quote priceChange() {
    return calculator.price(change);
  }

  @Benchmark
  public Quote cancelRemaining() {
    return calculator.price(cancel);
  }
}
