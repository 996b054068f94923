package jp.ishibashi.workorder;

/** The unit a scope line's quantity is counted in. */
public enum Unit {
  HOUR,
  DAY,
  PAGE,
  SCREEN,
  ITEM,
  LUMP_SUM
}
