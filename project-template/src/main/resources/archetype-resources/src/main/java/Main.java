package ${package};

import dev.galvani.core.Galvani;

/**
 * The site's entry point and its {@code manage.py}: {@code java -jar target/${artifactId}.jar
 * runserver}, or {@code migrate}, {@code makemigrations}, {@code startapp}, {@code
 * createsuperuser}, {@code serve}, {@code check}, {@code help}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Galvani.run(SiteSettings::new, args);
  }
}
