package jp.ishibashi.account.web;

import jakarta.enterprise.context.RequestScoped;
import jp.ishibashi.account.SignInService;

/**
 * The outcome of this request's sign-in attempt, for the sign-in page or the API's session resource
 * to explain a refusal without checking the password again.
 */
@RequestScoped
public class SignInOutcome {

  private SignInService.Outcome outcome;

  void set(SignInService.Outcome outcome) {
    this.outcome = outcome;
  }

  public SignInService.Outcome get() {
    return outcome;
  }
}
