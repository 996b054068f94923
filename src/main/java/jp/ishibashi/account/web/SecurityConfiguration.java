package jp.ishibashi.account.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in through the portal's own sign-in page, which calls {@code
 * SecurityContext.authenticate}; passwords are checked by {@link PortalIdentityStore}.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"AGENCY_ADMIN", "AGENCY_STAFF", "SUBCONTRACTOR"})
@ApplicationScoped
public class SecurityConfiguration {}
