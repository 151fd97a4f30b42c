package dev.galvani.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Custom permissions of an entity, created by {@code migrate} beside the four default ones.
 *
 * <pre>{@code
 * @Entity
 * @Permissions({"close_question:Can close a question"})
 * public class Question extends Model { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Permissions {
  /** {@code codename:human name} pairs. */
  String[] value();
}
