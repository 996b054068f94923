package jp.ishibashi.web;

import jakarta.faces.convert.FacesConverter;

/** An amount of money: at most 100,000,000,000. */
@FacesConverter("ishibashi.Amount")
public class AmountConverter extends NumberConverter {

  public AmountConverter() {
    super(NumberInput.AMOUNT);
  }
}
