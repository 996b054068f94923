package jp.ishibashi.change.pricing;

/**
 * How far the subcontractor has got with an agreed line. It decides what removing or reducing the
 * line costs: work not started is credited in full, work in progress or delivered keeps a kill fee
 * (中途解約料), because the Freelance Act forbids taking back a fee for work already done.
 */
public enum Progress {
  NOT_STARTED,
  IN_PROGRESS,
  DELIVERED
}
