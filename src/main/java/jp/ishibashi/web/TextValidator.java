package jp.ishibashi.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * Refuses text holding a NUL character in any field of any page, with a message at the field:
 * PostgreSQL cannot store it, and the save would fail with an error 500. A default validator of
 * every input (faces-config.xml); the REST API refuses the same at its JSON edge.
 */
@FacesValidator(TextValidator.ID)
public class TextValidator implements Validator<Object> {

  public static final String ID = "ishibashi.Text";

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    if (value instanceof String text && text.indexOf('\u0000') >= 0) {
      throw new ValidatorException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, Pages.text(context.getViewRoot().getLocale(), "error.text.nul"), null));
    }
  }
}
