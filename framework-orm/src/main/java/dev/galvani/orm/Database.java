package dev.galvani.orm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.galvani.orm.internal.Exceptions;
import dev.galvani.orm.internal.LazyLoads;
import dev.galvani.orm.internal.QueryLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * One named database: its connection pool, its Hibernate session factory and the unit of work of
 * the current thread. Thread-safe; each thread has its own session.
 *
 * <p>A view gets a session for the whole request without asking, so lazy relations load in
 * templates. Outside a request, {@link #atomic} and {@link #session(Supplier)} open one. Reads
 * outside a transaction are read-only: Hibernate keeps no dirty-checking snapshot of the rows, and
 * {@link #save} writes a changed entity back explicitly.
 *
 * <pre>{@code
 * Database db = Orm.database(galvani);
 * db.atomic(() -> {
 *   Question question = db.objects(Question.class).get("id", 1);
 *   question.setText("What's new?");
 *   db.save(question);
 * });
 * }</pre>
 */
public final class Database implements AutoCloseable {
  private final DatabaseConfig config;
  private final List<Class<?>> models;
  private final HikariDataSource dataSource;
  private final Metadata metadata;
  private final SessionFactory sessionFactory;
  private final QueryLog queryLog = new QueryLog();
  private final LazyLoads lazyLoads = new LazyLoads();
  private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
  private final Map<Class<?>, ModelMeta<?>> metas = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Class<?>, Optional<PlainReader<?>>> readers =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Database(DatabaseConfig config, List<Class<?>> models, Map<Class<?>, String> appLabels) {
    this.config = config;
    this.models = List.copyOf(models);
    this.dataSource = pool(config);
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            .applySetting(
                AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, config.url().vendor().productName())
            // the product is named, so Hibernate picks its dialect without a connection:
            // commands such as makemigrations run with the database down, and a site starts
            // before it is up
            .applySetting("hibernate.boot.allow_jdbc_metadata_access", false)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
            .applySetting(AvailableSettings.ORDER_INSERTS, true)
            .applySetting(AvailableSettings.ORDER_UPDATES, true)
            .applySetting(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, config.batchFetchSize())
            .applySetting(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true)
            .applySetting(AvailableSettings.STATEMENT_INSPECTOR, queryLog)
            // a session keeps the connection it first takes until it closes: a request's reads
            // outside a transaction cost one pool round trip, not one per statement
            .applySetting(
                AvailableSettings.CONNECTION_HANDLING,
                org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode
                    .DELAYED_ACQUISITION_AND_HOLD)
            .applySetting(AvailableSettings.SHOW_SQL, false)
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      models.forEach(sources::addAnnotatedClass);
      this.metadata =
          sources
              .getMetadataBuilder()
              .applyImplicitNamingStrategy(new AppTableNaming(classNames(appLabels)))
              .applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
              .build();
      this.sessionFactory = metadata.getSessionFactoryBuilder().build();
      lazyLoads.install(sessionFactory);
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      dataSource.close();
      throw e;
    }
  }

  /** Opens the pool (lazily: no connection is made until the first query) and boots Hibernate. */
  public static Database open(DatabaseConfig config, List<Class<?>> models) {
    return new Database(config, models, Map.of());
  }

  /**
   * Like {@link #open(DatabaseConfig, List)}, naming each model's app, whose name prefixes its
   * table ({@code polls_question}) as in Django. {@link OrmApp} opens databases this way.
   */
  public static Database open(
      DatabaseConfig config, List<Class<?>> models, Map<Class<?>, String> appLabels) {
    return new Database(config, models, appLabels);
  }

  private static Map<String, String> classNames(Map<Class<?>, String> appLabels) {
    Map<String, String> names = new java.util.HashMap<>();
    appLabels.forEach((model, app) -> names.put(model.getName(), app));
    return names;
  }

  private static HikariDataSource pool(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("galvani-" + config.name());
    hikari.setJdbcUrl(config.url().jdbcUrl());
    hikari.setDriverClassName(config.url().vendor().driver());
    if (!config.url().user().isEmpty()) {
      hikari.setUsername(config.url().user());
      hikari.setPassword(config.url().password());
    }
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(Math.max(250, config.connectionTimeout().toMillis()));
    hikari.setValidationTimeout(Math.max(250, config.connectionTimeout().toMillis() / 2));
    hikari.setMaxLifetime(config.maxLifetime().toMillis());
    hikari.setInitializationFailTimeout(-1);
    int cache = config.statementCacheSize();
    switch (config.url().vendor()) {
      case POSTGRESQL -> {
        hikari.addDataSourceProperty("preparedStatementCacheQueries", cache);
        hikari.addDataSourceProperty("prepareThreshold", cache > 0 ? 5 : 0);
      }
      case MARIADB -> {
        hikari.addDataSourceProperty("cachePrepStmts", cache > 0);
        hikari.addDataSourceProperty("prepStmtCacheSize", Math.max(cache, 0));
        hikari.addDataSourceProperty("useServerPrepStmts", cache > 0);
      }
      case H2 -> {}
    }
    return new HikariDataSource(hikari);
  }

  public String name() {
    return config.name();
  }

  public Vendor vendor() {
    return config.url().vendor();
  }

  public DatabaseConfig config() {
    return config;
  }

  /** The entity classes this database maps. */
  public List<Class<?>> models() {
    return models;
  }

  /** All rows of an entity as a lazy {@link QuerySet}. */
  public <T> QuerySet<T> objects(Class<T> model) {
    return new QuerySet<>(this, model);
  }

  /** What the ORM knows of an entity's fields, for forms, the admin and serializers. */
  @SuppressWarnings("unchecked")
  public <T> ModelMeta<T> meta(Class<T> model) {
    return (ModelMeta<T>) metas.computeIfAbsent(model, type -> ModelMeta.of(this, type));
  }

  /** The JDBC reader of a plain model (see {@link PlainReader}), empty for other models. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <T> Optional<PlainReader<T>> plainReader(Class<T> model) {
    return (Optional)
        readers.computeIfAbsent(model, type -> (Optional) PlainReader.of(hibernate(), type));
  }

  /** Hibernate's own view of the session factory: its mapping model, JDBC services, events. */
  org.hibernate.engine.spi.SessionFactoryImplementor hibernate() {
    return sessionFactory.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class);
  }

  /**
   * Runs one statement of the ORM's own JDBC path ({@link PlainReader}, {@link BulkUpdate}) as
   * {@link #connection} runs work, counted by {@link #captureQueries} like Hibernate's statements.
   */
  <R> R jdbcStatement(String sql, SqlWork<R> work) {
    queryLog.inspect(sql);
    return connection(work);
  }

  /**
   * Runs {@code work} in a transaction: commits when it returns, rolls back when it throws. Nested
   * calls use a savepoint, so an inner failure undoes only the inner work. After an inner rollback,
   * entities loaded before it are detached: {@link #save} still writes them.
   */
  public <R> R atomic(Supplier<R> work) {
    UnitOfWork unit = current.get();
    boolean ownsUnit = unit == null;
    if (ownsUnit) {
      unit = new UnitOfWork(sessionFactory);
      current.set(unit);
    }
    try {
      if (unit.transaction == null) {
        return outermost(unit, work);
      }
      return nested(unit, work);
    } finally {
      if (ownsUnit) {
        current.remove();
        unit.close();
      }
    }
  }

  public void atomic(Runnable work) {
    atomic(
        () -> {
          work.run();
          return null;
        });
  }

  private <R> R outermost(UnitOfWork unit, Supplier<R> work) {
    try {
      unit.transaction = unit.session().beginTransaction();
    } catch (RuntimeException e) {
      unit.transaction = null;
      throw Exceptions.translate(name(), e);
    }
    R result;
    try {
      result = work.get();
      if (unit.rollbackOnlyFromSavepoint && unit.transaction.getRollbackOnly()) {
        // Hibernate marked the transaction rollback-only when a nested block failed, but that
        // block was undone to its savepoint and the rest is sound: commit it on the connection,
        // then let Hibernate end its transaction (the rollback finds nothing left to undo)
        unit.session().flush();
        unit.session().doWork(Connection::commit);
        unit.transaction.rollback();
      } else {
        unit.transaction.commit();
      }
    } catch (RuntimeException | Error e) {
      rollbackQuietly(unit);
      unit.onCommit.clear();
      unit.transaction = null;
      unit.rollbackOnlyFromSavepoint = false;
      throw rethrow(e);
    }
    unit.transaction = null;
    unit.rollbackOnlyFromSavepoint = false;
    List<Runnable> hooks = new ArrayList<>(unit.onCommit);
    unit.onCommit.clear();
    hooks.forEach(Runnable::run);
    return result;
  }

  private <R> R nested(UnitOfWork unit, Supplier<R> work) {
    Session session = unit.session();
    Savepoint savepoint;
    try {
      session.flush();
      savepoint = session.doReturningWork(Connection::setSavepoint);
    } catch (RuntimeException e) {
      throw Exceptions.translate(name(), e);
    }
    int hooksBefore = unit.onCommit.size();
    boolean wasRollbackOnly = unit.transaction.getRollbackOnly();
    try {
      R result = work.get();
      session.flush();
      session.doWork(connection -> connection.releaseSavepoint(savepoint));
      return result;
    } catch (RuntimeException | Error e) {
      session.doWork(connection -> connection.rollback(savepoint));
      if (!wasRollbackOnly && unit.transaction.getRollbackOnly()) {
        unit.rollbackOnlyFromSavepoint = true;
      }
      // the session may hold changes the savepoint undid; forget them rather than write them later
      session.clear();
      unit.onCommit.subList(hooksBefore, unit.onCommit.size()).clear();
      throw rethrow(e);
    }
  }

  private RuntimeException rethrow(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    return Exceptions.translate(name(), (RuntimeException) e);
  }

  private void rollbackQuietly(UnitOfWork unit) {
    try {
      if (unit.transaction.isActive()) {
        unit.transaction.rollback();
      }
    } catch (RuntimeException ignored) {
      // the connection is gone; the database rolls back on its own
    }
    unit.session().clear();
  }

  /**
   * Runs {@code hook} after the current transaction commits (at once when none is open); dropped if
   * it rolls back. For sending mail or clearing caches only once the data is really there.
   */
  public void onCommit(Runnable hook) {
    UnitOfWork unit = current.get();
    if (unit == null || unit.transaction == null) {
      hook.run();
    } else {
      unit.onCommit.add(hook);
    }
  }

  /** Whether the current thread is inside {@link #atomic}. */
  public boolean inTransaction() {
    UnitOfWork unit = current.get();
    return unit != null && unit.transaction != null;
  }

  /**
   * Runs {@code work} with one session for all its queries, so relations load lazily inside it. A
   * view has one already; use this in commands, jobs and tests.
   */
  public <R> R session(Supplier<R> work) {
    if (current.get() != null) {
      return work.get();
    }
    UnitOfWork unit = new UnitOfWork(sessionFactory);
    current.set(unit);
    try {
      return work.get();
    } finally {
      current.remove();
      unit.close();
    }
  }

  /**
   * Runs {@code work} on the current session, or on a short one of its own when there is none.
   * Hibernate and JDBC failures come out as {@link IntegrityError} and {@link DatabaseUnavailable}.
   */
  public <R> R withSession(Function<Session, R> work) {
    UnitOfWork unit = current.get();
    try {
      if (unit != null) {
        return work.apply(unit.session());
      }
      try (Session session = openSession()) {
        return work.apply(session);
      }
    } catch (RuntimeException e) {
      throw Exceptions.translate(name(), e);
    }
  }

  /**
   * Saves an entity: inserts a new one, writes a changed one back. Returns the saved instance.
   * Outside a transaction it commits at once. Inside one it joins it without a savepoint, like
   * Django's {@code save()}: changes to loaded rows are written together at commit, in one JDBC
   * batch. A failure then dooms the whole transaction; to recover from an expected one (a
   * duplicate, say) put the save in its own {@code atomic} block.
   */
  public <T> T save(T entity) {
    Supplier<T> work =
        () -> {
          Session session = current.get().session();
          ModelMeta<?> meta = meta(org.hibernate.Hibernate.getClass(entity));
          if (session.contains(entity)) {
            if (session.isReadOnly(entity)) {
              // read without a snapshot, so Hibernate cannot see what changed: write it all
              session.evict(entity);
              Object managed = session.merge(entity);
              session.flush();
              meta.copyVersion(managed, entity);
            }
          } else if (meta.idOf(entity) == null) {
            session.persist(entity);
          } else {
            Object managed = session.merge(entity);
            session.flush(); // the version moves on at the flush; the caller's copy must follow
            meta.copyVersion(managed, entity);
          }
          return entity;
        };
    if (!inTransaction()) {
      return atomic(work);
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw Exceptions.translate(name(), e);
    }
  }

  /** Deletes one entity's row. */
  public void delete(Object entity) {
    atomic(
        () -> {
          Session session = current.get().session();
          session.remove(session.contains(entity) ? entity : session.merge(entity));
          session.flush();
        });
  }

  /** Whether reads in the current unit of work may skip dirty-checking snapshots. */
  boolean readOnlyReads() {
    return !inTransaction();
  }

  /**
   * The escape hatch: rows of {@code model} from hand-written SQL, with {@code ?} placeholders
   * bound to {@code parameters} in order (never concatenate values into the SQL).
   *
   * <pre>{@code
   * db.raw(Book.class, "select * from orm_book where pages > ? order by id", 100);
   * }</pre>
   */
  public <T> List<T> raw(Class<T> model, String sql, Object... parameters) {
    return withSession(
        session -> {
          var query = session.createNativeQuery(sql, model);
          for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
          }
          return query.getResultList();
        });
  }

  /** Runs a hand-written SQL statement in a transaction; returns the rows it changed. */
  public int execute(String sql, Object... parameters) {
    return atomic(
        () ->
            withSession(
                session -> {
                  var query = session.createNativeMutationQuery(sql);
                  for (int i = 0; i < parameters.length; i++) {
                    query.setParameter(i + 1, parameters[i]);
                  }
                  return query.executeUpdate();
                }));
  }

  /**
   * Runs {@code work} with a JDBC connection of this database's pool, outside Hibernate. Inside a
   * session (a request's, {@link #session} or {@link #atomic}) it is the session's connection, in
   * its transaction; the connection is held until the session ends, and a Hibernate session opened
   * later in it uses the same one. Elsewhere the work borrows a connection and gives it back.
   */
  public <R> R connection(SqlWork<R> work) {
    UnitOfWork unit = current.get();
    try {
      if (unit == null) {
        try (Connection connection = dataSource.getConnection()) {
          return work.run(connection);
        }
      }
      if (unit.hasSession()) {
        return unit.session().doReturningWork(work::run);
      }
      return work.run(unit.connection());
    } catch (SQLException e) {
      throw Exceptions.translate(
          name(),
          hibernate()
              .getJdbcServices()
              .getSqlExceptionHelper()
              .convert(e, "JDBC work on the database '" + name() + "'"));
    } catch (RuntimeException e) {
      throw Exceptions.translate(name(), e);
    }
  }

  /** Work done with a raw JDBC connection. */
  @FunctionalInterface
  public interface SqlWork<R> {
    R run(Connection connection) throws SQLException;
  }

  /**
   * Opens a transaction on the current thread that {@code close()} rolls back, for tests: what the
   * test and the views it calls in-process (through the TestClient) write is undone afterwards.
   * Their own {@link #atomic} blocks become savepoints inside it. Threads other than the test's (a
   * live server's) do not see it.
   */
  public AutoCloseable rollbackAfter() {
    if (current.get() != null) {
      throw new IllegalStateException("A session is already open on this thread");
    }
    UnitOfWork unit = new UnitOfWork(sessionFactory);
    unit.transaction = unit.session().beginTransaction();
    current.set(unit);
    return () -> {
      current.remove();
      try {
        rollbackQuietly(unit);
      } finally {
        unit.close();
      }
    };
  }

  /** Closes the current thread's session, if any (the end of a request). */
  void closeCurrentSession() {
    UnitOfWork unit = current.get();
    if (unit != null) {
      current.remove();
      unit.close();
    }
  }

  /** Opens a session for the current thread that lives until {@link #closeCurrentSession}. */
  boolean openCurrentSession() {
    if (current.get() != null) {
      return false;
    }
    current.set(new UnitOfWork(sessionFactory));
    return true;
  }

  private Session openSession() {
    return sessionFactory.openSession();
  }

  /** Hibernate's boot model of the entities: tables, columns, keys. */
  public Metadata hibernateMetadata() {
    return metadata;
  }

  public SessionFactory sessionFactory() {
    return sessionFactory;
  }

  /** The pool, for health checks and the JDBC escape hatch. */
  public javax.sql.DataSource dataSource() {
    return dataSource;
  }

  /** The lazy-load counter behind the DEBUG N+1 warning. */
  LazyLoads lazyLoads() {
    return lazyLoads;
  }

  /** Records the SQL this thread sends while {@code work} runs; returns the statements. */
  public List<String> captureQueries(Runnable work) {
    List<String> previous = queryLog.start();
    boolean stopped = false;
    try {
      work.run();
      stopped = true;
      return queryLog.stop(previous);
    } finally {
      if (!stopped) {
        queryLog.stop(previous);
      }
    }
  }

  @Override
  public void close() {
    sessionFactory.close();
    dataSource.close();
  }

  @Override
  public String toString() {
    return "Database(" + name() + ": " + config.url() + ")";
  }

  /** The current thread's session, opened on first use, and its transaction. */
  private final class UnitOfWork {
    private final SessionFactory factory;
    private Session session;
    private Connection connection;
    Transaction transaction;
    boolean rollbackOnlyFromSavepoint;
    final List<Runnable> onCommit = new ArrayList<>();

    UnitOfWork(SessionFactory factory) {
      this.factory = factory;
    }

    boolean hasSession() {
      return session != null;
    }

    /** The session, opened on the connection that JDBC reads already took, if they took one. */
    Session session() {
      if (session == null) {
        session =
            connection == null
                ? factory.openSession()
                : factory.withOptions().connection(connection).openSession();
      }
      return session;
    }

    /** A pooled connection held until {@link #close}, for JDBC work before any session. */
    Connection connection() throws SQLException {
      if (connection == null) {
        connection = dataSource.getConnection();
      }
      return connection;
    }

    void close() {
      try {
        if (session != null) {
          session.close();
        }
      } finally {
        if (connection != null) {
          try {
            connection.close();
          } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger("galvani.orm")
                .warn("Could not return a connection of the database '{}' to the pool", name(), e);
          }
        }
      }
    }
  }
}
