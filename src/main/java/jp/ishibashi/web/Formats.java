package jp.ishibashi.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dates and times as pages show them: in the portal's time zone (Japan by default). */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject
  @ConfigProperty(name = "portal.time-zone")
  private String zone;

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.withZone(ZoneId.of(zone)).format(instant);
  }
}
