package dev.galvani.core.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.http.Params;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each field type's conversion and messages, bound from parameters as a request would give. */
class FieldValidationTest {
  /** Binds a one-field form to {@code name=value} pairs. */
  static BoundForm bind(Field<?> field, String... pairs) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.computeIfAbsent(pairs[i], name -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return Form.of(field).bind(Params.of(values), Map.of());
  }

  static List<String> errors(Field<?> field, String value) {
    return bind(field, field.name(), value).errors(field);
  }

  @Test
  void anyRequiredField_leftEmpty_reportsThisFieldIsRequired() {
    for (Field<?> field :
        List.of(
            Fields.text("a"),
            Fields.integer("a"),
            Fields.decimal("a"),
            Fields.email("a"),
            Fields.date("a"),
            Fields.choice("a", List.of(Choice.of("x", "X"))))) {
      assertEquals(List.of("This field is required."), errors(field, "  "), field.toString());
      assertEquals(List.of("This field is required."), bind(field).errors(field), field.toString());
    }
  }

  @Test
  void optionalFields_leftEmpty_giveEmptyTextOrNoValue() {
    Field<String> nickname = Fields.text("nickname").optional();
    Field<Integer> age = Fields.integer("age").optional();
    BoundForm form = Form.of(nickname, age).bind(Params.empty(), Map.of());

    assertTrue(form.isValid());
    assertEquals("", form.value(nickname));
    assertEquals(Optional.empty(), form.optionalValue(age));
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> form.value(age));
    assertTrue(missing.getMessage().contains("optionalValue"), missing.getMessage());
  }

  @Test
  void textField_stripsWhitespaceUnlessAskedNotTo() {
    Field<String> stripped = Fields.text("name");
    Field<String> kept = Fields.text("name").strip(false);

    assertEquals("Ada", bind(stripped, "name", "  Ada ").value(stripped));
    assertEquals("  Ada ", bind(kept, "name", "  Ada ").value(kept));
  }

  @Test
  void textField_overMaxLength_reportsLimitAndLength() {
    Field<String> title = Fields.text("title").maxLength(100);

    assertEquals(
        List.of("Ensure this value has at most 100 characters (it has 120)."),
        errors(title, "x".repeat(120)));
    assertEquals(
        List.of("Ensure this value has at least 3 characters (it has 2)."),
        errors(Fields.textarea("bio").minLength(3), "ab"));
    assertEquals(
        List.of("Ensure this value has at most 1 character (it has 2)."),
        errors(Fields.text("initial").maxLength(1), "ab"));
  }

  @Test
  void integerField_withLetters_reportsEnterAWholeNumber() {
    Field<Integer> age = Fields.integer("age");

    for (String value : List.of("abc", "1.5", "1e3", "--1", "+", "٣")) {
      assertEquals(List.of("Enter a whole number."), errors(age, value), value);
    }
    assertEquals(-12, bind(age, "age", " -12 ").value(age));
  }

  @Test
  void integerField_outOfRange_reportsTheBound() {
    Field<Integer> age = Fields.integer("age").min(0).max(150);

    assertEquals(List.of("Ensure this value is greater than or equal to 0."), errors(age, "-1"));
    assertEquals(List.of("Ensure this value is less than or equal to 150."), errors(age, "151"));
    assertEquals(
        List.of("Ensure this value is less than or equal to 2147483647."),
        errors(Fields.integer("n"), "99999999999999999999"));
  }

  @Test
  void decimalField_checksNumberShapeAndDigits() {
    Field<BigDecimal> price = Fields.decimal("price").maxDigits(5).decimalPlaces(2);

    assertEquals(new BigDecimal("123.45"), bind(price, "price", "123.45").value(price));
    assertEquals(List.of("Enter a number."), errors(price, "12,5"));
    assertEquals(List.of("Enter a number."), errors(price, "NaN"));
    assertEquals(List.of("Enter a number."), errors(price, "1e5"));
    assertEquals(
        List.of("Ensure that there are no more than 5 digits in total."), errors(price, "1234.56"));
    assertEquals(
        List.of("Ensure that there are no more than 2 decimal places."), errors(price, "1.234"));
    assertEquals(
        List.of("Ensure that there are no more than 3 digits before the decimal point."),
        errors(price, "1234"));
    assertEquals(
        List.of("Ensure this value is greater than or equal to 0.01."),
        errors(Fields.decimal("p").min(new BigDecimal("0.01")), "0"));
  }

  @Test
  void checkboxField_absentIsFalseAndRequiredMeansChecked() {
    Field<Boolean> newsletter = Fields.checkbox("newsletter").optional();
    Field<Boolean> terms = Fields.checkbox("terms");

    assertEquals(false, bind(newsletter).value(newsletter));
    assertEquals(true, bind(newsletter, "newsletter", "on").value(newsletter));
    assertEquals(false, bind(newsletter, "newsletter", "false").value(newsletter));
    assertEquals(List.of("This field is required."), bind(terms).errors(terms));
    assertTrue(bind(terms, "terms", "on").isValid());
  }

  @Test
  void choiceField_withUnknownValue_namesItInTheMessage() {
    Field<String> color =
        Fields.choice("color", List.of(Choice.of("r", "Red"), Choice.of("g", "Green")));
    Field<List<String>> colors =
        Fields.multipleChoice("colors", List.of(Choice.of("r", "Red"), Choice.of("g", "Green")));

    assertEquals("g", bind(color, "color", "g").value(color));
    assertEquals(
        List.of("Select a valid choice. x is not one of the available choices."),
        errors(color, "x"));
    assertEquals(List.of("g", "r"), bind(colors, "colors", "g", "colors", "r").value(colors));
    assertEquals(
        List.of("Select a valid choice. b is not one of the available choices."),
        bind(colors, "colors", "r", "colors", "b").errors(colors));
  }

  @Test
  void emailField_acceptsAddressesAndRefusesLookAlikes() {
    Field<String> email = Fields.email("email");

    for (String valid :
        List.of(
            "ada@example.com",
            "first.last+tag@mail.example.co.uk",
            "o'brien@example.org",
            "x@localhost",
            "user@bücher.example")) {
      assertEquals(List.of(), errors(email, valid), valid);
    }
    for (String invalid :
        List.of(
            "plain",
            "@example.com",
            "ada@",
            "ada@example",
            "ada@@example.com",
            "a..b@example.com",
            ".ada@example.com",
            "ada@-example.com",
            "ada@example.c",
            "ada@example.123",
            "ada example@example.com",
            "ada@exa_mple.com",
            "a".repeat(65) + "@example.com")) {
      assertEquals(List.of("Enter a valid email address."), errors(email, invalid), invalid);
    }
    assertEquals(
        List.of("Ensure this value has at most 254 characters (it has 260)."),
        errors(email, "a@" + "b".repeat(254) + ".com"));
  }

  @Test
  void urlField_acceptsHttpAndHttpsOnly() {
    Field<String> homepage = Fields.url("homepage");

    for (String valid :
        List.of(
            "https://example.com",
            "http://example.com:8080/a/b?c=d#e",
            "https://user:secret@example.com/",
            "http://127.0.0.1/",
            "http://[::1]:8000/",
            "http://[2001:db8::1]/",
            "http://localhost:8000/")) {
      assertEquals(List.of(), errors(homepage, valid), valid);
    }
    for (String invalid :
        List.of(
            "example.com",
            "ftp://example.com/",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.com/",
            "https://example.com:99999/",
            "https://example.com:/",
            "http://[::1/",
            "http://[1:2:3:4:5:6:7:8:9]/",
            "https://-example.com/",
            "https:///path")) {
      assertEquals(List.of("Enter a valid URL."), errors(homepage, invalid), invalid);
    }
  }

  @Test
  void temporalFields_readHtmlInputFormats() {
    Field<LocalDate> day = Fields.date("day");
    Field<LocalDateTime> starts = Fields.dateTime("starts");
    Field<LocalTime> alarm = Fields.time("alarm");

    assertEquals(LocalDate.of(2026, 3, 1), bind(day, "day", "2026-03-01").value(day));
    assertEquals(
        LocalDateTime.of(2026, 3, 1, 14, 30),
        bind(starts, "starts", "2026-03-01T14:30").value(starts));
    assertEquals(
        LocalDateTime.of(2026, 3, 1, 14, 30, 15),
        bind(starts, "starts", "2026-03-01 14:30:15").value(starts));
    assertEquals(LocalTime.of(7, 5), bind(alarm, "alarm", "07:05").value(alarm));
    assertEquals(List.of("Enter a valid date."), errors(day, "2026-02-30"));
    assertEquals(List.of("Enter a valid date."), errors(day, "01/03/2026"));
    assertEquals(List.of("Enter a valid date/time."), errors(starts, "2026-03-01"));
    assertEquals(List.of("Enter a valid time."), errors(alarm, "25:00"));
    assertEquals(
        List.of("Ensure this value is greater than or equal to 2026-01-01."),
        errors(Fields.date("d").min(LocalDate.of(2026, 1, 1)), "2025-12-31"));
  }

  @Test
  void customValidators_returnOrThrowTheirMessages() {
    // snippet:validators
    Validator<String> noSpaces =
        value -> value.contains(" ") ? Optional.of("No spaces, please.") : Optional.empty();
    Validator<String> notTaken =
        value -> {
          if (value.equals("root")) {
            throw new ValidationError("That username is taken.");
          }
          return Optional.empty();
        };
    Field<String> username = Fields.text("username").validator(noSpaces).validator(notTaken);
    // end-snippet

    assertEquals(List.of("No spaces, please."), errors(username, "a b"));
    assertEquals(List.of("That username is taken."), errors(username, "root"));
    assertEquals(List.of(), errors(username, "ada"));
  }

  @Test
  void label_defaultsFromTheName() {
    assertEquals("First name", Fields.text("first_name").label());
    assertEquals("Given name", Fields.text("first_name").label("Given name").label());
  }

  @Test
  void form_withTwoFieldsOfOneName_isRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> Form.of(Fields.text("a"), Fields.integer("a")));
    assertTrue(refused.getMessage().contains("'a'"), refused.getMessage());
  }

  @Test
  void value_ofAFieldWithErrors_throwsNamingTheErrors() {
    Field<Integer> age = Fields.integer("age");
    BoundForm form = bind(age, "age", "x");

    assertFalse(form.isValid());
    IllegalStateException invalid =
        assertThrows(IllegalStateException.class, () -> form.value(age));
    assertTrue(invalid.getMessage().contains("Enter a whole number."), invalid.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> form.value(Fields.integer("age")), "a stranger");
  }
}
