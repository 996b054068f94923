package jp.ishibashi.account.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jp.ishibashi.account.SignInService;

/**
 * Checks e-mail and password against the accounts, through {@link SignInService} (which also
 * throttles failures), and leaves the detailed outcome for the sign-in page to explain.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

  @Inject private SignInService signIn;
  @Inject private SignInOutcome outcome;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    SignInService.Outcome result =
        signIn.attempt(credential.getCaller(), credential.getPasswordAsString());
    outcome.set(result);
    if (result instanceof SignInService.Outcome.Accepted accepted) {
      return new CredentialValidationResult(accepted.account().getEmail(), accepted.groups());
    }
    return CredentialValidationResult.INVALID_RESULT;
  }
}
