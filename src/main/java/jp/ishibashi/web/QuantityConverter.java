package jp.ishibashi.web;

import jakarta.faces.convert.FacesConverter;

/** A scope line's quantity: at most 1,000,000 with four decimals. */
@FacesConverter("ishibashi.Quantity")
public class QuantityConverter extends NumberConverter {

  public QuantityConverter() {
    super(NumberInput.QUANTITY);
  }
}
