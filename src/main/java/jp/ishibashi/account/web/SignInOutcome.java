package jp.ishibashi.account.web;

import jakarta.enterprise.context.RequestScoped;
import jp.ishibashi.account.SignInService;

/** The outcome of this request's sign-in attempt, for the page to explain a refusal. */
@RequestScoped
public class SignInOutcome {

  private SignInService.Outcome outcome;

  void set(SignInService.Outcome outcome) {
    this.outcome = outcome;
  }

  SignInService.Outcome get() {
    return outcome;
  }
}
