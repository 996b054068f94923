package jp.ishibashi.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/** The last work order number an agency used in a year: WO-2026-0001, WO-2026-0002, … */
@Entity
@Table(name = "work_order_counter")
@Multitenant(MultitenantType.SINGLE_TABLE)
class WorkOrderCounter {

  @Id
  @SequenceGenerator(
      name = "work_order_counter_seq",
      sequenceName = "work_order_counter_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_counter_seq")
  private Long id;

  @Column(name = "order_year", nullable = false)
  private int year;

  @Column(name = "last_value", nullable = false)
  private int lastValue;

  @Version private long version;

  protected WorkOrderCounter() {}

  WorkOrderCounter(int year) {
    this.year = year;
  }

  /** The next number of the year. */
  String next() {
    lastValue++;
    return String.format("WO-%d-%04d", year, lastValue);
  }
}
