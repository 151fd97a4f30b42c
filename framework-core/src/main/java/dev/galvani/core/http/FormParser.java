package dev.galvani.core.http;

/** Parses {@code a=1&b=2} query strings and urlencoded bodies, with a limit on field count. */
final class FormParser {
  private FormParser() {}

  static Params parse(String text, int maxFields) {
    if (text == null || text.isEmpty()) {
      return Params.empty();
    }
    Params.Builder builder = new Params.Builder();
    int start = 0;
    int length = text.length();
    while (start <= length) {
      int end = text.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        if (builder.count() >= maxFields) {
          throw new BadRequest(
              "Too many form fields: the limit is "
                  + maxFields
                  + " (Settings.maxFormFields); send fewer fields or raise the limit");
        }
        String pair = text.substring(start, end);
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        builder.add(PathDecoder.decodeForm(name), PathDecoder.decodeForm(value));
      }
      start = end + 1;
    }
    return builder.build();
  }
}
