package jp.ishibashi.web;

import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;

/**
 * Every other {@code BigDecimal} input (a percentage, hours), in place of the standard converter,
 * which would take {@code 1e300000000} as it is.
 */
@FacesConverter(forClass = BigDecimal.class)
public class DecimalConverter extends NumberConverter {

  public DecimalConverter() {
    super(NumberInput.DECIMAL);
  }
}
