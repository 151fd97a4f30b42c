package dev.galvani.i18n;

import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Times are stored in UTC ({@link Instant}) and shown in the visitor's time zone: the request's
 * zone, set by {@link LocaleMiddleware} from the {@code galvani_timezone} cookie or the settings.
 */
public final class TimeZones {
  /** The request's time zone. */
  public static final Key<ZoneId> KEY = Key.of("i18n.timeZone", ZoneId.class);

  private TimeZones() {}

  /** The request's zone; UTC when no middleware chose one. */
  public static ZoneId of(Request request) {
    return request.get(KEY).orElse(ZoneId.of("UTC"));
  }

  /** A stored instant in the request's zone. */
  public static ZonedDateTime local(Request request, Instant instant) {
    return instant.atZone(of(request));
  }
}
