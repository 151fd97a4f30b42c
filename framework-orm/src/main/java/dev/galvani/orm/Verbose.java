package dev.galvani.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Human names for an entity or a field, read by forms and the admin through {@link ModelMeta}.
 * Without it, {@code pubDate} is shown as "pub date" and {@code Question} as
 * "question"/"questions".
 *
 * <pre>{@code
 * @Verbose(value = "date published", help = "When the question went live.")
 * private LocalDateTime pubDate;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Verbose {
  /** The singular name. */
  String value();

  /** The plural name of an entity; empty means the singular plus "s". */
  String plural() default "";

  /** A sentence shown under a form field. */
  String help() default "";
}
