package dev.galvani.orm.forms;

import dev.galvani.core.http.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Submitted form values for the form tests. */
final class FormParams {
  private FormParams() {}

  /** Submitted values: name, value, name, value...; a name may repeat for multiple choices. */
  static Params params(String... namesAndValues) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values
          .computeIfAbsent(namesAndValues[i], name -> new ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    return Params.of(values);
  }
}
