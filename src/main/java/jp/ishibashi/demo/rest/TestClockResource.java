package jp.ishibashi.demo.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import jp.ishibashi.deadline.DeadlinePoller;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.web.rest.SignInNotRequired;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For browser tests only: moves the portal's clock forward and polls the deadlines at once, so a
 * review period can pass without waiting. {@link jp.ishibashi.web.rest.ApiApplication} registers
 * it only while {@code portal.clock.adjustable} is true (the test configuration); otherwise
 * nothing serves its path.
 */
@Path("test/clock")
@RequestScoped
public class TestClockResource {

  /** How far to move the clock. */
  public record Advance(long days, long hours) {}

  /** What the move did: the clock's new time and how many deadlines fired. */
  public record Moved(String now, int deadlinesFired) {}

  @Inject private PortalClock clock;
  @Inject private DeadlinePoller poller;

  @POST
  @SignInNotRequired
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Moved advance(Advance by) {
    if (!clock.isAdjustable() || by == null || by.days() < 0 || by.hours() < 0) {
      throw new NotFoundException();
    }
    clock.advance(Duration.ofDays(by.days()).plusHours(by.hours()));
    return new Moved(clock.now().toString(), poller.pollOnce());
  }

  /** Sets the clock back to the real time, for a test that moved it and has ended. */
  @DELETE
  @SignInNotRequired
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Moved reset() {
    if (!clock.isAdjustable()) {
      throw new NotFoundException();
    }
    clock.reset();
    return new Moved(clock.now().toString(), 0);
  }
}
