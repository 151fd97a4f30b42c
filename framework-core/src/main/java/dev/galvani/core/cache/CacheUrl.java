package dev.galvani.core.cache;

import dev.galvani.core.ImproperlyConfigured;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cache address in the {@code CACHE_URL} style: {@code scheme://address?option=value&...}, such
 * as {@code caffeine://?max_entries=50000}, {@code redis://localhost:6379/0?key_prefix=polls} or
 * {@code dummy://}. The options every cache understands are {@code timeout} (the default timeout in
 * seconds, or {@code forever}) and {@code version}; a backend reads its own.
 *
 * @param name the cache's name in the settings
 * @param scheme lower-case, such as {@code redis}
 * @param address what follows {@code scheme://} up to the options
 * @param options the options, decoded
 */
public record CacheUrl(String name, String scheme, String address, Map<String, String> options) {
  /** Options every cache takes; backends add theirs. */
  public static final Set<String> COMMON_OPTIONS = Set.of("timeout", "version");

  public CacheUrl {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Parses {@code url}, the address of the cache named {@code name}. */
  public static CacheUrl parse(String name, String url) {
    String trimmed = url.trim();
    int schemeEnd = trimmed.indexOf("://");
    if (schemeEnd < 1) {
      throw new ImproperlyConfigured(
          "Cache '"
              + name
              + "' has the URL '"
              + masked(trimmed)
              + "', which has no scheme; write it as scheme://..., such as caffeine:// or"
              + " redis://localhost:6379/0");
    }
    String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String rest = trimmed.substring(schemeEnd + 3);
    int query = rest.indexOf('?');
    Map<String, String> options = new LinkedHashMap<>();
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        try {
          String key = decode(equals < 0 ? pair : pair.substring(0, equals));
          String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
          options.put(key, value);
        } catch (IllegalArgumentException e) {
          throw new ImproperlyConfigured(
              "Cache '"
                  + name
                  + "' has the option '"
                  + pair
                  + "', which is not URL-encoded properly: write % as %25");
        }
      }
      rest = rest.substring(0, query);
    }
    return new CacheUrl(name, scheme, rest, options);
  }

  /** The URL with any password hidden, for messages. */
  public static String masked(String url) {
    return url.replaceAll("(://)[^?#]*@", "$1********@");
  }

  /** Fails unless every option is a common one or in {@code known}. */
  public void requireOptions(Set<String> known) {
    for (String option : options.keySet()) {
      if (!COMMON_OPTIONS.contains(option) && !known.contains(option)) {
        throw problem(
            "has an unknown option '"
                + option
                + "'; "
                + scheme
                + ":// takes "
                + new java.util.TreeSet<>(union(known)));
      }
    }
  }

  /** An option's value, or {@code fallback}. */
  public String option(String option, String fallback) {
    return options.getOrDefault(option, fallback);
  }

  /** A whole-number option, at least {@code min}. */
  public long longOption(String option, long fallback, long min) {
    String value = options.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem("has " + option + "=" + value + "; it must be a whole number of at least " + min);
  }

  /** A yes/no option ({@code true}/{@code false}). */
  public boolean boolOption(String option, boolean fallback) {
    String value = options.get(option);
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw problem("has " + option + "=" + value + "; it must be true or false");
    };
  }

  /** A duration in seconds (decimals allowed), such as {@code socket_timeout=0.5}. */
  public Duration secondsOption(String option, Duration fallback) {
    String value = options.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      double seconds = Double.parseDouble(value.trim());
      if (seconds > 0 && seconds < 1e9) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem("has " + option + "=" + value + "; it must be a positive number of seconds");
  }

  /** The default timeout: {@code timeout} in whole seconds, {@code forever}, or {@code 0}. */
  public Duration timeout() {
    String value = options.get("timeout");
    if (value == null) {
      return NamedCache.DEFAULT_TIMEOUT;
    }
    if (value.equalsIgnoreCase("forever") || value.equalsIgnoreCase("none")) {
      return Cache.FOREVER;
    }
    return Duration.ofSeconds(longOption("timeout", 0, 0));
  }

  /** The key version, 1 unless given. */
  public int version() {
    return (int) Math.min(Integer.MAX_VALUE, longOption("version", 1, 0));
  }

  /** A configuration error about this URL, naming the cache. */
  public ImproperlyConfigured problem(String what) {
    return new ImproperlyConfigured("Cache '" + name + "' (" + scheme + "://...) " + what);
  }

  private static Set<String> union(Set<String> known) {
    Set<String> all = new java.util.HashSet<>(known);
    all.addAll(COMMON_OPTIONS);
    return all;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
