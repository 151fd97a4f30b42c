package dev.galvani.orm.test;

import dev.galvani.orm.Database;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test in a transaction that is rolled back afterwards, so tests share a database without
 * seeing each other's rows. Register it with the database the test uses:
 *
 * <pre>{@code
 * @RegisterExtension RollbackEachTest rollback = new RollbackEachTest(() -> db);
 * }</pre>
 */
public final class RollbackEachTest implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RollbackEachTest.class);
  private final Supplier<Database> database;

  public RollbackEachTest(Supplier<Database> database) {
    this.database = database;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put("transaction", database.get().rollbackAfter());
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    AutoCloseable transaction =
        context.getStore(NAMESPACE).remove("transaction", AutoCloseable.class);
    if (transaction != null) {
      transaction.close();
    }
  }
}
