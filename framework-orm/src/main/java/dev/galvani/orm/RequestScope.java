package dev.galvani.orm;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each request a session per database, opened on first use and closed when the response is
 * made, and with {@code atomicRequests} runs the view in a transaction of the default database.
 */
final class RequestScope implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger("galvani.orm");
  private static final int N_PLUS_ONE_THRESHOLD = 3;

  private final Supplier<Orm> orm;
  private final Supplier<OrmSettings> settings;
  private final Handler next;

  RequestScope(Supplier<Orm> orm, Supplier<OrmSettings> settings, Handler next) {
    this.orm = orm;
    this.settings = settings;
    this.next = next;
  }

  @Override
  public Response handle(Request request) throws Exception {
    List<Database> opened = new ArrayList<>();
    for (Database database : orm.get().databases().values()) {
      if (database.openCurrentSession()) {
        opened.add(database);
      }
    }
    boolean watch = request.galvani().settings().debug() && settings.get().warnOnLazyLoadsInLoops();
    if (watch) {
      opened.forEach(database -> database.lazyLoads().start());
    }
    try {
      if (settings.get().atomicRequests()) {
        Database database = orm.get().database();
        return database.atomic(
            () -> {
              try {
                return next.handle(request);
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new ViewFailed(e);
              }
            });
      }
      return next.handle(request);
    } catch (ViewFailed wrapped) {
      throw (Exception) wrapped.getCause();
    } finally {
      if (watch) {
        opened.forEach(database -> warnAboutLoops(request, database));
      }
      opened.forEach(Database::closeCurrentSession);
    }
  }

  private static void warnAboutLoops(Request request, Database database) {
    String view =
        request.match().map(dev.galvani.core.urls.ResolverMatch::routeName).orElse(request.path());
    database
        .lazyLoads()
        .stop()
        .forEach(
            (role, count) -> {
              if (count >= N_PLUS_ONE_THRESHOLD) {
                LOG.warn(
                    "N+1 queries in view '{}': {} was loaded lazily {} times, one query each;"
                        + " load it with the rows: {}",
                    view,
                    describe(database, role),
                    count,
                    fix(database, role));
              }
            });
  }

  /** {@code dev.example.Book.tags} -> {@code Book.tags}. */
  private static String describe(Database database, String role) {
    int dot = role.lastIndexOf('.');
    String owner = role.substring(0, Math.max(0, dot));
    for (Class<?> model : database.models()) {
      if (model.getName().equals(owner)) {
        return model.getSimpleName() + role.substring(dot);
      }
      if (model.getName().equals(role)) {
        return model.getSimpleName() + " (through " + toOneFieldsTo(database, model) + ")";
      }
    }
    return role;
  }

  private static String fix(Database database, String role) {
    for (Class<?> model : database.models()) {
      if (model.getName().equals(role)) {
        return "selectRelated(...) on the query of " + toOneFieldsTo(database, model);
      }
    }
    return "prefetchRelated(\"" + role.substring(role.lastIndexOf('.') + 1) + "\")";
  }

  private static String toOneFieldsTo(Database database, Class<?> target) {
    List<String> fields = new ArrayList<>();
    for (Class<?> model : database.models()) {
      for (FieldMeta field : database.meta(model).fields()) {
        if (field.relation().toOne() && field.type().equals(target)) {
          fields.add(model.getSimpleName() + "." + field.name());
        }
      }
    }
    return fields.isEmpty() ? target.getSimpleName() : String.join(" or ", fields);
  }

  /** Carries a checked exception of the view out of the transaction, which then rolls back. */
  private static final class ViewFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ViewFailed(Exception cause) {
      super(cause);
    }
  }
}
