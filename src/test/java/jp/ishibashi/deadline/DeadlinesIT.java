package jp.ishibashi.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import jp.ishibashi.Deployments;
import jp.ishibashi.Race;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Actor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deadlines inside Payara Micro on the configured database, driven by moving the portal's clock and
 * polling at once: never by sleeping. The poller's own 15-second timer runs meanwhile, like a
 * further node, so the tests count what the effect ({@link DeadlineRecorder}) saw rather than what
 * one poll returned. Every test makes its own agency.
 */
@ExtendWith(ArquillianExtension.class)
class DeadlinesIT {

  private static final String KIND = DeadlineRecorder.KIND;

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject Deadlines deadlines;
  @Inject DeadlinePoller poller;
  @Inject DeadlineClaims claims;
  @Inject DeadlineRecorder recorder;
  @Inject PortalClock clock;

  /** Every test of a run shares one portal, so the clock goes back to the real time. */
  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }
  @Inject AuditTrail audit;
  @Inject TestAgencies agencies;

  @AfterEach
  void everyEffectRanInsideItsClaim() {
    assertEquals(List.of(), List.copyOf(recorder.outsideTheClaim()));
  }

  @Test
  void aDeadlineFiresOnceWhenDueAndNotBefore() {
    Actor agency = agencies.newAgency("株式会社みなし検収");
    long subject = subject();
    Instant due = clock.now().plus(Duration.ofDays(7));
    deadlines.schedule(agency, KIND, subject, due);

    poller.pollOnce();
    clock.advance(Duration.ofDays(7).minusMinutes(1));
    poller.pollOnce();
    assertEquals(0, recorder.dispatches(agency.tenantId(), subject), "not before it is due");

    clock.advance(Duration.ofMinutes(2));
    poller.pollOnce();
    assertFiredOnce(agency, subject);

    Deadline fired = deadlines.about(agency, KIND, subject).get(0);
    assertEquals(Deadline.State.FIRED, fired.getState());
    assertEquals(due.truncatedTo(ChronoUnit.MICROS), fired.getDueAt());
    assertFalse(fired.getFiredAt().isBefore(due), "fired at or after its time");
    assertNotNull(fired.getClaimedBy());
    assertTrue(deadlines.pending(agency, KIND, subject).isEmpty());
  }

  /** Deadlines are rows: once FIRED is committed, no later poll, on any node, fires it again. */
  @Test
  void aFiredDeadlineStaysFiredForEveryLaterPoll() {
    Actor agency = agencies.newAgency("株式会社再起動");
    long subject = subject();
    deadlines.schedule(agency, KIND, subject, clock.now().plusSeconds(60));
    clock.advance(Duration.ofMinutes(2));
    poller.pollOnce();
    Deadline fired = deadlines.about(agency, KIND, subject).get(0);
    DeadlineDue stale =
        new DeadlineDue(fired.getId(), KIND, agency.tenantId(), subject, fired.getDueAt());

    clock.advance(Duration.ofDays(30));
    poller.pollOnce();
    poller.pollOnce();
    assertFalse(claims.claim(stale, clock.now(), "a-node-that-read-it-earlier"));

    assertFiredOnce(agency, subject);
  }

  @Test
  void pollersRacingOnTheSameDeadlinesFireEachOnce() {
    Actor agency = agencies.newAgency("株式会社競合");
    long first = subject();
    List<Long> subjects = LongStream.range(first, first + 30).boxed().toList();
    for (long subject : subjects) {
      deadlines.schedule(agency, KIND, subject, clock.now().plusSeconds(30));
    }
    clock.advance(Duration.ofMinutes(1));

    List<Race.Outcome<Integer>> polls = Race.run(3, poller::pollOnce);

    assertTrue(polls.stream().allMatch(Race.Outcome::succeeded), polls::toString);
    for (long subject : subjects) {
      assertFiredOnce(agency, subject);
      assertEquals(Deadline.State.FIRED, deadlines.about(agency, KIND, subject).get(0).getState());
    }
  }

  @Test
  void twoClaimsOfOneDeadlineAtOnceDispatchItOnce() {
    Actor agency = agencies.newAgency("株式会社二重取り");
    long subject = subject();
    deadlines.schedule(agency, KIND, subject, clock.now().plusSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    Instant now = clock.now();
    DeadlineDue due =
        claims.due(now, 0, Integer.MAX_VALUE).stream()
            .filter(d -> d.tenantId() == agency.tenantId() && d.subjectId() == subject)
            .findFirst()
            .orElse(null);

    if (due != null) { // else the poller's own timer has fired it already
      List<Race.Outcome<Boolean>> claimed =
          Race.run(2, () -> claims.claim(due, now, Thread.currentThread().getName()));
      assertTrue(claimed.stream().allMatch(Race.Outcome::succeeded), claimed::toString);
      assertTrue(claimed.stream().filter(Race.Outcome::value).count() <= 1, claimed::toString);
    }
    assertFiredOnce(agency, subject);
  }

  @Test
  void aCancelledDeadlineNeverFires() {
    Actor agency = agencies.newAgency("株式会社検収済み");
    long subject = subject();
    deadlines.schedule(agency, KIND, subject, clock.now().plus(Duration.ofDays(7)));

    assertTrue(deadlines.cancel(agency, KIND, subject));
    assertFalse(deadlines.cancel(agency, KIND, subject), "nothing pending any more");
    clock.advance(Duration.ofDays(8));
    poller.pollOnce();

    assertEquals(0, recorder.dispatches(agency.tenantId(), subject));
    assertEquals(
        Deadline.State.CANCELLED, deadlines.about(agency, KIND, subject).get(0).getState());
    assertFalse(deadlines.cancel(agency, KIND, subject));
  }

  @Test
  void schedulingAgainMovesThePendingDeadline() {
    Actor agency = agencies.newAgency("株式会社差し戻し");
    long subject = subject();
    Instant start = clock.now();
    deadlines.schedule(agency, KIND, subject, start.plus(Duration.ofHours(1)));
    deadlines.schedule(agency, KIND, subject, start.plus(Duration.ofHours(3)));

    assertEquals(1, deadlines.about(agency, KIND, subject).size(), "one row, moved");
    clock.advance(Duration.ofHours(2));
    poller.pollOnce();
    assertEquals(0, recorder.dispatches(agency.tenantId(), subject), "not at the old time");
    clock.advance(Duration.ofHours(2));
    poller.pollOnce();
    assertFiredOnce(agency, subject);

    deadlines.schedule(agency, KIND, subject, clock.now().plus(Duration.ofDays(7)));
    List<Deadline> all = deadlines.about(agency, KIND, subject);
    assertEquals(
        List.of(Deadline.State.FIRED, Deadline.State.PENDING),
        all.stream().map(Deadline::getState).toList(),
        "after firing, scheduling again makes a new deadline");
  }

  @Test
  void aFailingEffectRollsTheClaimBackAndIsTriedAgain() {
    Actor agency = agencies.newAgency("株式会社失敗");
    long subject = subject();
    recorder.failFor(subject);
    try {
      deadlines.schedule(agency, KIND, subject, clock.now().plusSeconds(5));
      clock.advance(Duration.ofSeconds(10));

      poller.pollOnce();
      assertTrue(recorder.dispatches(agency.tenantId(), subject) >= 1, "the effect ran");
      assertEquals(0, effects(agency, subject), "and its audit event was rolled back");
      assertEquals(
          Deadline.State.PENDING, deadlines.about(agency, KIND, subject).get(0).getState());
    } finally {
      recorder.succeedFor(subject);
    }
    poller.pollOnce();

    assertEquals(Deadline.State.FIRED, deadlines.about(agency, KIND, subject).get(0).getState());
    assertEquals(1, effects(agency, subject));
  }

  @Test
  void anotherAgencyNeitherSeesNorCancelsADeadline() {
    Actor owner = agencies.newAgency("株式会社期限の持ち主");
    Actor other = agencies.newAgency("株式会社期限の他社");
    long subject = subject();
    deadlines.schedule(owner, KIND, subject, clock.now().plus(Duration.ofDays(1)));

    assertTrue(deadlines.about(other, KIND, subject).isEmpty());
    assertFalse(deadlines.cancel(other, KIND, subject));
    deadlines.schedule(other, KIND, subject, clock.now().plus(Duration.ofDays(2)));
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    poller.pollOnce();

    assertEquals(1, recorder.dispatches(owner.tenantId(), subject), "the owner's fired");
    assertEquals(0, recorder.dispatches(other.tenantId(), subject), "the other's is its own");
    assertEquals(Deadline.State.PENDING, deadlines.about(other, KIND, subject).get(0).getState());
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A subject id no other test uses. */
  private static long subject() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
  }

  /** The effect ran once for the subject, and its audit event committed. */
  private void assertFiredOnce(Actor agency, long subject) {
    assertEquals(1, recorder.dispatches(agency.tenantId(), subject), "dispatches of " + subject);
    assertEquals(1, effects(agency, subject), "committed effects of " + subject);
  }

  /** The committed audit events of the recorder's effect about this subject. */
  private long effects(Actor agency, long subject) {
    return audit.about(agency, "Test", subject).stream()
        .filter(e -> e.getAction().equals(DeadlineRecorder.ACTION))
        .count();
  }
}
