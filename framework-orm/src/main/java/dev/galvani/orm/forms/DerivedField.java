package dev.galvani.orm.forms;

import dev.galvani.core.forms.AbstractField;
import dev.galvani.core.forms.Choice;
import dev.galvani.core.forms.Field;
import dev.galvani.core.forms.Fields;
import dev.galvani.core.forms.TextField;
import dev.galvani.orm.FieldMeta;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

/**
 * How one entity field becomes a form field: which core field, and how values travel between the
 * entity (model values: {@code Long}, enum constants, related ids) and the form (the core field's
 * values: {@code Integer}, {@code String} choices). Immutable.
 */
final class DerivedField {
  /** The core field kinds an entity field can map to. */
  enum Kind {
    TEXT,
    TEXTAREA,
    INTEGER,
    LONG,
    SHORT,
    DECIMAL,
    DOUBLE,
    FLOAT,
    CHECKBOX,
    DATE,
    DATE_TIME,
    TIME,
    ENUM,
    TO_ONE,
    TO_MANY
  }

  /** Hibernate's column length when a String field names none. */
  static final int DEFAULT_STRING_LENGTH = 255;

  final FieldMeta meta;
  final Kind kind;
  private final int maxLength;
  private final Optional<Integer> precision;
  private final Optional<Integer> scale;

  private DerivedField(
      FieldMeta meta,
      Kind kind,
      int maxLength,
      Optional<Integer> precision,
      Optional<Integer> scale) {
    this.meta = meta;
    this.kind = kind;
    this.maxLength = maxLength;
    this.precision = precision;
    this.scale = scale;
  }

  /** The form field for {@code meta}, or empty when no core field can hold its type. */
  static Optional<DerivedField> of(FieldMeta meta, PersistentClass binding) {
    Optional<Column> column = columnOf(binding, meta.name());
    if (meta.relation().toOne()) {
      return Optional.of(
          new DerivedField(meta, Kind.TO_ONE, 0, Optional.empty(), Optional.empty()));
    }
    if (meta.relation() == FieldMeta.Relation.MANY_TO_MANY) {
      return Optional.of(
          new DerivedField(meta, Kind.TO_MANY, 0, Optional.empty(), Optional.empty()));
    }
    Class<?> type = meta.type();
    if (type == String.class) {
      boolean unlimited =
          column
              .map(
                  col ->
                      col.isSqlTypeLob()
                          || (col.getSqlType() != null
                              && col.getSqlType()
                                  .toLowerCase(Locale.ROOT)
                                  .matches(".*(text|clob).*")))
              .orElse(false);
      Kind kind = unlimited ? Kind.TEXTAREA : Kind.TEXT;
      int length = unlimited ? 0 : meta.maxLength().orElse(DEFAULT_STRING_LENGTH);
      return Optional.of(new DerivedField(meta, kind, length, Optional.empty(), Optional.empty()));
    }
    Optional<Kind> kind = simpleKind(type);
    return kind.map(
        found ->
            new DerivedField(
                meta, found, 0, column.map(Column::getPrecision), column.map(Column::getScale)));
  }

  private static Optional<Kind> simpleKind(Class<?> type) {
    if (type.isEnum()) {
      return Optional.of(Kind.ENUM);
    } else if (type == Integer.class || type == int.class) {
      return Optional.of(Kind.INTEGER);
    } else if (type == Long.class || type == long.class) {
      return Optional.of(Kind.LONG);
    } else if (type == Short.class || type == short.class) {
      return Optional.of(Kind.SHORT);
    } else if (type == BigDecimal.class) {
      return Optional.of(Kind.DECIMAL);
    } else if (type == Double.class || type == double.class) {
      return Optional.of(Kind.DOUBLE);
    } else if (type == Float.class || type == float.class) {
      return Optional.of(Kind.FLOAT);
    } else if (type == Boolean.class || type == boolean.class) {
      return Optional.of(Kind.CHECKBOX);
    } else if (type == LocalDate.class) {
      return Optional.of(Kind.DATE);
    } else if (type == LocalDateTime.class) {
      return Optional.of(Kind.DATE_TIME);
    } else if (type == LocalTime.class) {
      return Optional.of(Kind.TIME);
    }
    return Optional.empty();
  }

  private static Optional<Column> columnOf(PersistentClass binding, String name) {
    Property property;
    try {
      property = binding.getRecursiveProperty(name);
    } catch (RuntimeException notMapped) {
      return Optional.empty();
    }
    List<Selectable> selectables = property.getSelectables();
    return selectables.size() == 1 && selectables.get(0) instanceof Column column
        ? Optional.of(column)
        : Optional.empty();
  }

  String name() {
    return meta.name();
  }

  /** Whether the user must give a value: not for nullable columns, never for a checkbox. */
  boolean required() {
    return kind != Kind.CHECKBOX && kind != Kind.TO_MANY && !meta.nullable();
  }

  /** The label from the verbose name, first letter capitalized as Django shows it. */
  String defaultLabel() {
    return capitalize(meta.verboseName());
  }

  static String capitalize(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /**
   * The core field, labelled and initialized.
   *
   * @param choices the rows to offer, for relation fields
   * @param initial the form value to show, from the instance being edited
   */
  Field<?> formField(Customization custom, List<Choice> choices, Optional<Object> initial) {
    String label = custom.label().orElse(defaultLabel());
    String help = custom.helpText().orElse(meta.helpText());
    boolean required = required();
    return switch (kind) {
      case TEXT, TEXTAREA -> finish(textField(custom), label, help, required, initial);
      case INTEGER -> finish(Fields.integer(name()), label, help, required, initial);
      case LONG -> finish(Fields.integer(name()), label, help, required, initial);
      case SHORT ->
          finish(
              Fields.integer(name()).min(Short.MIN_VALUE).max(Short.MAX_VALUE),
              label,
              help,
              required,
              initial);
      case DECIMAL -> {
        var field = Fields.decimal(name());
        if (precision.isPresent() && precision.get() > 0) {
          field = field.maxDigits(precision.get());
        }
        if (scale.isPresent() && scale.get() >= 0 && precision.isPresent()) {
          field = field.decimalPlaces(scale.get());
        }
        yield finish(field, label, help, required, initial);
      }
      case DOUBLE, FLOAT -> finish(Fields.decimal(name()), label, help, required, initial);
      case CHECKBOX -> finish(Fields.checkbox(name()), label, help, false, initial);
      case DATE -> finish(Fields.date(name()), label, help, required, initial);
      case DATE_TIME -> finish(Fields.dateTime(name()), label, help, required, initial);
      case TIME -> finish(Fields.time(name()), label, help, required, initial);
      case ENUM -> finish(Fields.choice(name(), enumChoices()), label, help, required, initial);
      case TO_ONE -> finish(Fields.choice(name(), choices), label, help, required, initial);
      case TO_MANY ->
          finish(Fields.multipleChoice(name(), choices), label, help, required, initial);
    };
  }

  private TextField textField(Customization custom) {
    String widget = custom.widget().orElse(kind == Kind.TEXTAREA ? "textarea" : "text");
    TextField field =
        switch (widget) {
          case "text" -> Fields.text(name());
          case "textarea" -> Fields.textarea(name());
          case "email" -> Fields.email(name());
          case "url" -> Fields.url(name());
          case "password" -> Fields.password(name());
          case "hidden" -> Fields.hidden(name());
          default ->
              throw new IllegalArgumentException(
                  "Unknown widget '"
                      + widget
                      + "' for '"
                      + name()
                      + "'; text fields take text, textarea, email, url, password or hidden");
        };
    return maxLength > 0 ? field.maxLength(maxLength) : field;
  }

  private List<Choice> enumChoices() {
    List<Choice> choices = new ArrayList<>();
    for (Object constant : meta.choices()) {
      Enum<?> value = (Enum<?>) constant;
      String shown = value.toString();
      // an enum that does not override toString shows NOVEL; show it as Django would: "Novel"
      String label = shown.equals(value.name()) ? capitalize(humanConstant(value.name())) : shown;
      choices.add(Choice.of(value.name(), label));
    }
    return choices;
  }

  private static String humanConstant(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  @SuppressWarnings("unchecked") // the initial value was made by toForm for this same kind
  private static <V, F extends AbstractField<V, F>> Field<V> finish(
      F field, String label, String help, boolean required, Optional<Object> initial) {
    F result = field.label(label);
    if (!help.isEmpty()) {
      result = result.helpText(help);
    }
    if (!required) {
      result = result.optional();
    }
    if (initial.isPresent()) {
      result = result.initial((V) initial.get());
    }
    return result;
  }

  /**
   * An entity value as the form shows it; empty for no value.
   *
   * @param idOf reads the id of a related entity without loading it
   */
  Optional<Object> toForm(Object modelValue, Function<Object, Object> idOf) {
    if (modelValue == null) {
      return Optional.empty();
    }
    if (kind == Kind.LONG) {
      long value = (Long) modelValue;
      // an integer field holds an Integer; a larger stored value cannot be shown in it
      boolean fits = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
      return fits ? Optional.of((int) value) : Optional.empty();
    }
    return Optional.of(
        switch (kind) {
          case SHORT -> ((Short) modelValue).intValue();
          case DOUBLE, FLOAT -> new BigDecimal(modelValue.toString());
          case ENUM -> ((Enum<?>) modelValue).name();
          case TO_ONE -> String.valueOf(idOf.apply(modelValue));
          case TO_MANY -> {
            List<String> ids = new ArrayList<>();
            for (Object element : (Collection<?>) modelValue) {
              ids.add(String.valueOf(idOf.apply(element)));
            }
            yield ids;
          }
          default -> modelValue;
        });
  }

  /**
   * A cleaned form value as the entity stores it; for relations, the related id (or ids) typed as
   * the target's id. Empty text becomes null, so optional unique columns do not collide on "".
   */
  Optional<Object> toModel(Object cleaned, Class<?> targetIdType) {
    if (cleaned == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case TEXT, TEXTAREA -> Optional.of(cleaned).filter(text -> !((String) text).isEmpty());
      case LONG -> Optional.of(((Integer) cleaned).longValue());
      case SHORT -> Optional.of(((Integer) cleaned).shortValue());
      case DOUBLE -> Optional.of(((BigDecimal) cleaned).doubleValue());
      case FLOAT -> Optional.of(((BigDecimal) cleaned).floatValue());
      case ENUM ->
          Optional.of(cleaned)
              .filter(text -> !((String) text).isEmpty())
              .map(text -> enumConstant((String) text));
      case TO_ONE ->
          Optional.of(cleaned)
              .filter(text -> !((String) text).isEmpty())
              .map(text -> Ids.parse(targetIdType, (String) text));
      case TO_MANY -> {
        List<Object> ids = new ArrayList<>();
        for (Object text : (List<?>) cleaned) {
          ids.add(Ids.parse(targetIdType, (String) text));
        }
        yield Optional.of(ids);
      }
      default -> Optional.of(cleaned);
    };
  }

  private Object enumConstant(String name) {
    for (Object constant : meta.choices()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalStateException("No constant " + name + " in " + meta.type().getName());
  }

  /** Per-field options the developer set on the {@link ModelForm}. */
  record Customization(Optional<String> label, Optional<String> helpText, Optional<String> widget) {
    static final Customization NONE =
        new Customization(Optional.empty(), Optional.empty(), Optional.empty());

    Customization withLabel(String label) {
      return new Customization(Optional.of(label), helpText, widget);
    }

    Customization withHelpText(String helpText) {
      return new Customization(label, Optional.of(helpText), widget);
    }

    Customization withWidget(String widget) {
      return new Customization(label, helpText, Optional.of(widget));
    }
  }
}
