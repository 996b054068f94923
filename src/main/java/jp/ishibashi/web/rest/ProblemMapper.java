package jp.ishibashi.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failure of an API call with problem details (see {@link Problems}); unexpected ones
 * are logged with their id and never show a stack trace to the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable failure) {
    Problem problem =
        Problems.of(failure, ApiLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    if (problem.status() >= 500) {
      LOG.log(Level.SEVERE, "Unexpected failure of an API call, " + problem.instance(), failure);
    }
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problems.PROBLEM_JSON_TYPE).entity(problem);
    if (failure instanceof WebApplicationException http
        && http.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
      response.header(HttpHeaders.ALLOW, http.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return response.build();
  }
}
