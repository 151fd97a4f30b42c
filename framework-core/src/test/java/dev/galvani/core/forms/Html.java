package dev.galvani.core.forms;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Reads the rendered page the way the tests need: the tag of an id, the text of a field. */
final class Html {
  private Html() {}

  /** The opening tag of the element with this id, its attributes on one line. */
  static String tag(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    if (at < 0) {
      fail("no element with id " + id + " in\n" + html);
    }
    int start = html.lastIndexOf('<', at);
    int end = html.indexOf('>', at);
    return html.substring(start, end + 1).replaceAll("\\s+", " ");
  }

  /** The markup of the field's wrapper {@code <div class="field">}, up to the next field. */
  static String fieldBlock(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    if (at < 0) {
      fail("no element with id " + id + " in\n" + html);
    }
    int start = html.lastIndexOf("<div class=\"field", at);
    int end = html.indexOf("<div class=\"field", at);
    return html.substring(start, end < 0 ? html.length() : end).replaceAll("\\s+", " ");
  }

  /** The texts of the {@code <li>} items in the element with this id. */
  static List<String> listItems(String html, String id) {
    List<String> items = new ArrayList<>();
    int at = html.indexOf("id=\"" + id + "\"");
    if (at < 0) {
      return items;
    }
    int end = html.indexOf("</ul>", at);
    int item = html.indexOf("<li>", at);
    while (item >= 0 && item < end) {
      int close = html.indexOf("</li>", item);
      items.add(html.substring(item + 4, close));
      item = html.indexOf("<li>", close);
    }
    return items;
  }
}
