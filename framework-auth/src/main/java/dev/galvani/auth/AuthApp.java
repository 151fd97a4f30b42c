package dev.galvani.auth;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.LocalMemoryCache;
import dev.galvani.core.checks.Check;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import dev.galvani.core.mail.EmailBackend;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.core.sessions.SignedCookieSessionStore;
import dev.galvani.core.templates.ContextProcessor;
import dev.galvani.orm.Database;
import dev.galvani.orm.ModelApp;
import dev.galvani.orm.ModelMeta;
import dev.galvani.orm.Orm;
import dev.galvani.orm.migrations.MigrationStatus;
import dev.galvani.orm.migrations.Migrator;
import dev.galvani.orm.migrations.PostMigrate;
import java.io.PrintStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Users, groups and permissions. List it in {@code Settings.apps} after {@code OrmApp}; it adds the
 * {@code user} and {@code perms} template variables, creates the permissions of every entity after
 * {@code migrate}, and checks the bcrypt cost under {@code check --deploy}.
 */
public final class AuthApp implements ModelApp, PostMigrate {
  /** The production floor for {@link AuthSettings#bcryptCost()}. */
  static final int MIN_DEPLOY_COST = 12;

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public List<Class<?>> models() {
    return List.of(
        Permission.class, Group.class, User.class, StoredSession.class, LoginFailures.class);
  }

  @Override
  public List<Command> commands() {
    List<Command> commands = new ArrayList<>(AuthCommands.all());
    commands.add(
        new Command() {
          @Override
          public String name() {
            return "clearsessions";
          }

          @Override
          public String help() {
            return "delete expired sessions from the database session store";
          }

          @Override
          public int run(CommandContext context) {
            int deleted = DatabaseSessionStore.clearExpired(context.galvani());
            context.out().println("Deleted " + deleted + " expired sessions");
            return 0;
          }
        });
    return commands;
  }

  @Override
  public List<ContextProcessor> contextProcessors() {
    return List.of(
        // resolved by Thymeleaf only when a template reads them: a page that never shows the
        // user costs no session read and no query
        request ->
            Map.of(
                "user", lazily(() -> Auth.user(request)),
                "perms", lazily(() -> new PermissionLookup(Auth.user(request)))));
  }

  private static <T> LazyContextVariable<T> lazily(java.util.function.Supplier<T> value) {
    return new LazyContextVariable<>() {
      @Override
      protected T loadValue() {
        return value.get();
      }
    };
  }

  @Override
  public List<Check> checks() {
    return List.of(
        galvani ->
            SessionSettings.from(galvani.settings()).store() instanceof CachedDatabaseSessionStore
                    && galvani.service(Cache.KEY).isEmpty()
                ? List.of(
                    CheckMessage.error(
                        "auth.E001",
                        "Sessions use CachedDatabaseSessionStore, but no cache is published under"
                            + " Cache.KEY",
                        "publish one in an App's ready(galvani), or use DatabaseSessionStore"))
                : List.of());
  }

  @Override
  public List<Check> deployChecks() {
    return List.of(
        galvani -> {
          int cost = AuthSettings.of(galvani.settings()).bcryptCost();
          return cost >= MIN_DEPLOY_COST
              ? List.of()
              : List.of(
                  CheckMessage.warning(
                      "auth.W001",
                      "AuthSettings.bcryptCost is "
                          + cost
                          + ", below "
                          + MIN_DEPLOY_COST
                          + ": stolen password hashes would be cheap to crack",
                      "Set withBcryptCost(12) or more for production"));
        },
        galvani ->
            SessionSettings.from(galvani.settings()).store() instanceof SignedCookieSessionStore
                ? List.of(
                    CheckMessage.warning(
                        "auth.W002",
                        "Logins are kept in signed cookies: logging out cannot end a copy of the"
                            + " cookie taken before, and a password change cannot end other"
                            + " sessions until their cookies expire",
                        "keep sessions on the server: SessionSettings.defaults().withStore(new"
                            + " DatabaseSessionStore())"))
                : List.of(),
        galvani ->
            galvani.settings().instances() > 1
                    && SessionSettings.from(galvani.settings()).store()
                        instanceof CachedDatabaseSessionStore
                    && galvani.service(Cache.KEY).orElse(null) instanceof LocalMemoryCache
                ? List.of(
                    CheckMessage.warning(
                        "auth.W003",
                        "CachedDatabaseSessionStore keeps its copies in this process's"
                            + " LocalMemoryCache, but several instances are declared: a logout on"
                            + " one instance leaves a usable copy on the others",
                        "publish a shared cache (Redis) under Cache.KEY, or use"
                            + " DatabaseSessionStore"))
                : List.of(),
        galvani ->
            galvani.settings().get(EmailBackend.KEY).isEmpty()
                ? List.of(
                    CheckMessage.warning(
                        "auth.W004",
                        "No EmailBackend is set, so password-reset emails, with their links, are"
                            + " printed to the console instead of sent",
                        "settings.set(EmailBackend.KEY, new SmtpEmailBackend(...))"))
                : List.of());
  }

  /**
   * Creates the missing view/add/change/delete and declared permissions of every entity, once the
   * auth app's own tables exist.
   */
  @Override
  public void postMigrate(Galvani galvani, PrintStream out) {
    boolean tablesExist =
        Migrator.of(galvani, out).status(name()).stream().anyMatch(MigrationStatus::applied);
    if (!tablesExist) {
      return; // auth itself was migrated to zero
    }
    Database db = Orm.database(galvani);
    db.atomic(
        () -> {
          Set<String> existing = new HashSet<>();
          db.objects(Permission.class).list().forEach(p -> existing.add(p.key()));
          List<Permission> missing = new ArrayList<>();
          for (App app : galvani.settings().apps()) {
            if (app instanceof ModelApp models) {
              for (Class<?> model : models.models()) {
                for (Permission permission : permissionsOf(db, app.name(), model)) {
                  if (existing.add(permission.key())) {
                    missing.add(permission);
                  }
                }
              }
            }
          }
          missing.forEach(db::save);
          if (!missing.isEmpty()) {
            out.println("  Created " + missing.size() + " permissions");
          }
        });
  }

  static List<Permission> permissionsOf(Database db, String appLabel, Class<?> model) {
    ModelMeta<?> meta = db.meta(model);
    String codename = model.getSimpleName().toLowerCase(Locale.ROOT);
    List<Permission> permissions = new ArrayList<>();
    for (String action : List.of("view", "add", "change", "delete")) {
      permissions.add(
          new Permission(
              appLabel, action + "_" + codename, "Can " + action + " " + meta.verboseName()));
    }
    Permissions declared = model.getAnnotation(Permissions.class);
    if (declared != null) {
      for (String pair : declared.value()) {
        int colon = pair.indexOf(':');
        if (colon <= 0) {
          throw new IllegalStateException(
              "@Permissions on "
                  + model.getName()
                  + " needs 'codename:human name' pairs, not '"
                  + pair
                  + "'");
        }
        permissions.add(
            new Permission(
                appLabel, pair.substring(0, colon).strip(), pair.substring(colon + 1).strip()));
      }
    }
    return permissions;
  }

  /**
   * {@code perms} in templates: {@code ${perms['polls.change_question']}} is true when the user
   * holds that permission.
   */
  static final class PermissionLookup extends AbstractMap<String, Boolean> {
    private final Account user;

    PermissionLookup(Account user) {
      this.user = user;
    }

    @Override
    public Boolean get(Object key) {
      return key instanceof String permission && user.hasPerm(permission);
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String;
    }

    @Override
    public Set<Entry<String, Boolean>> entrySet() {
      return Set.of();
    }
  }
}
