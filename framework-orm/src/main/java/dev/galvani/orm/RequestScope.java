package dev.galvani.orm;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gives each request a session per database, opened on first use and closed when the response is
 * made, and with {@code atomicRequests} runs the view in a transaction of the default database.
 */
final class RequestScope implements Handler {
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
      opened.forEach(Database::closeCurrentSession);
    }
  }

  /** Carries a checked exception of the view out of the transaction, which then rolls back. */
  private static final class ViewFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ViewFailed(Exception cause) {
      super(cause);
    }
  }
}
