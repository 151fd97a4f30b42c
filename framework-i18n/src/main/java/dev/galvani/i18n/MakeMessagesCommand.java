package dev.galvani.i18n;

import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code makemessages -l de [-l fr ...] | --all [--source DIR ...] [--locale-dir DIR]}: extracts
 * the messages of {@code src/main/java} and {@code src/main/resources/templates} (or the given
 * folders) into {@code src/main/resources/locale/<lang>/LC_MESSAGES/messages.po}, merging with what
 * translators wrote there. See {@link MakeMessages}.
 */
final class MakeMessagesCommand implements Command {
  @Override
  public String name() {
    return "makemessages";
  }

  @Override
  public String help() {
    return "extract translatable messages into locale/<lang>/LC_MESSAGES/messages.po";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    List<String> languages = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    Path localeDir = Path.of("src", "main", "resources", "locale");
    List<String> args = context.args();
    I18nSettings settings = I18nApp.settingsOf(context.galvani().settings());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean hasValue = i + 1 < args.size();
      switch (arg) {
        case "-l", "--locale" -> {
          if (!hasValue) {
            return usage(context, "-l needs a language code");
          }
          languages.add(args.get(++i));
        }
        case "--all" ->
            settings.languages().keySet().stream()
                .filter(code -> !code.equals(settings.defaultLanguage()))
                .forEach(languages::add);
        case "--source" -> {
          if (!hasValue) {
            return usage(context, "--source needs a folder");
          }
          sources.add(Path.of(args.get(++i)));
        }
        case "--locale-dir" -> {
          if (!hasValue) {
            return usage(context, "--locale-dir needs a folder");
          }
          localeDir = Path.of(args.get(++i));
        }
        default -> {
          return usage(context, "unknown argument '" + arg + "'");
        }
      }
    }
    if (languages.isEmpty()) {
      return usage(context, "name the languages with -l CODE, or use --all");
    }
    for (String language : languages) {
      if (!Languages.isValid(language)) {
        return usage(context, "'" + language + "' is not a language code such as de or pt-br");
      }
    }
    if (sources.isEmpty()) {
      sources.add(Path.of("src", "main", "java"));
      sources.add(Path.of("src", "main", "resources", "templates"));
    }
    Path base = Path.of("").toAbsolutePath();
    for (Path file : MakeMessages.run(sources, base, localeDir, languages)) {
      context.out().println("wrote " + file);
    }
    return 0;
  }

  private static int usage(CommandContext context, String problem) {
    context
        .err()
        .println(
            "makemessages: "
                + problem
                + "\nusage: makemessages -l de [-l fr ...] | --all [--source DIR ...]"
                + " [--locale-dir DIR]");
    return 2;
  }
}
