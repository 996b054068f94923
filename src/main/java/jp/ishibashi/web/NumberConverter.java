package jp.ishibashi.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.math.BigDecimal;
import jp.ishibashi.shared.DomainException;

/**
 * Converts a typed number with {@link NumberInput}; a refusal is a message at the field, in the
 * view's language. Every {@code BigDecimal} input of the portal uses one of the subclasses: the
 * decimal one by type, the quantity and amount ones by id.
 */
abstract class NumberConverter implements Converter<BigDecimal> {

  private final NumberInput kind;

  NumberConverter(NumberInput kind) {
    this.kind = kind;
  }

  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
    try {
      return kind.parse(value);
    } catch (DomainException refused) {
      String text = Pages.text(context.getViewRoot().getLocale(), refused.key(), refused.args());
      throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
    if (value == null) {
      return "";
    }
    // An amount keeps its currency's decimals ($12.30); a quantity loses needless ones (1.5).
    return kind == NumberInput.AMOUNT ? value.toPlainString() : value.stripTrailingZeros().toPlainString();
  }
}
