package dev.galvani.orm.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Counts the lazy loads of each relation on the current thread while watching (a request in DEBUG),
 * to find N+1 patterns: a collection or a related row fetched one query at a time in a loop.
 * Thread-safe: each thread counts its own.
 */
public final class LazyLoads {
  private final ThreadLocal<Map<String, Integer>> counts = new ThreadLocal<>();

  /** Hooks into Hibernate's load events of a session factory. */
  public void install(SessionFactory sessionFactory) {
    EventListenerRegistry registry =
        sessionFactory
            .unwrap(SessionFactoryImplementor.class)
            .getServiceRegistry()
            .requireService(EventListenerRegistry.class);
    registry.appendListeners(
        EventType.INIT_COLLECTION,
        (InitializeCollectionEventListener) event -> record(event.getCollection().getRole()));
    registry.appendListeners(
        EventType.LOAD,
        (LoadEventListener)
            (event, type) -> {
              if (type == LoadEventListener.IMMEDIATE_LOAD) {
                record(event.getEntityClassName());
              }
            });
  }

  private void record(String role) {
    Map<String, Integer> map = counts.get();
    if (map != null) {
      map.merge(role, 1, Integer::sum);
    }
  }

  public void start() {
    counts.set(new LinkedHashMap<>());
  }

  /** Stops watching and returns how often each relation (or entity) was loaded lazily. */
  public Map<String, Integer> stop() {
    Map<String, Integer> map = counts.get();
    counts.remove();
    return map == null ? Map.of() : map;
  }
}
