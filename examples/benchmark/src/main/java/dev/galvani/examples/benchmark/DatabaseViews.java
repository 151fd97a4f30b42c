package dev.galvani.examples.benchmark;

import dev.galvani.core.cache.Caches;
import dev.galvani.core.cache.NamedCache;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.QuerySet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The TechEmpower database tests written the way a Galvani user would: the ORM's QuerySet, a
 * transaction for the updates, a Thymeleaf template for the fortunes and {@code Response.json}.
 */
final class DatabaseViews {
  private DatabaseViews() {}

  /** TFB test 2: one random World row. */
  static Response db(Request request) {
    World world = worlds(request).get("id", randomId());
    return Response.json(world);
  }

  /** TFB test 3: N random World rows, one query each. */
  static Response queries(Request request) {
    int count = queryCount(request);
    QuerySet<World> worlds = worlds(request);
    List<World> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(worlds.get("id", randomId()));
    }
    return Response.json(rows);
  }

  /**
   * TFB test 5: N random rows read one by one, each given a new random number, and written back
   * with {@code bulkUpdate}, as Django's TFB entry does with {@code bulk_update}: one transaction,
   * one JDBC batch of updates. The rows are sorted by id first, so concurrent requests lock rows in
   * the same order and cannot deadlock.
   */
  // snippet:updates
  static Response updates(Request request) {
    int count = queryCount(request);
    QuerySet<World> worlds = worlds(request);
    List<World> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      World world = worlds.get("id", randomId());
      world.setRandomNumber(randomIdOtherThan(world.getRandomNumber()));
      rows.add(world);
    }
    List<World> byId = new ArrayList<>(rows);
    byId.sort(Comparator.comparing(World::getId));
    worlds.bulkUpdate(byId, "randomNumber");
    return Response.json(rows);
  }

  // end-snippet

  /**
   * TFB test 7: N random World rows through the cache API, each read from the database once and
   * kept in the {@code worlds} cache (Caffeine) after.
   */
  // snippet:cached-queries
  /** What is cached of a row: an immutable record, which an in-process cache can share. */
  record CachedWorld(int id, int randomNumber) {}

  static Response cachedQueries(Request request) {
    int count = clamped(request.query().get("count", "1"));
    NamedCache cache = Caches.of(request.galvani()).cache("worlds");
    QuerySet<World> worlds = worlds(request);
    List<CachedWorld> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = randomId();
      rows.add(
          cache.getOrSet(
              "world:" + id,
              CachedWorld.class,
              () -> {
                World world = worlds.get("id", id);
                return new CachedWorld(world.getId(), world.getRandomNumber());
              }));
    }
    return Response.json(rows);
  }

  // end-snippet

  /** TFB test 4: all fortunes plus one added in memory, sorted by message, rendered escaped. */
  static Response fortunes(Request request) {
    Database db = Orm.database(request.galvani());
    List<Fortune> fortunes = new ArrayList<>(db.objects(Fortune.class).list());
    fortunes.add(new Fortune(0, BenchmarkData.ADDED_FORTUNE));
    fortunes.sort(Comparator.comparing(Fortune::getMessage));
    return Response.render(request, "bench/fortunes.html", Map.of("fortunes", fortunes));
  }

  private static QuerySet<World> worlds(Request request) {
    return Orm.database(request.galvani()).objects(World.class);
  }

  /** {@code ?queries=N} clamped to 1..500; missing or not a number counts as 1 (TFB rules). */
  static int queryCount(Request request) {
    return clamped(request.query().get("queries", "1"));
  }

  /** A row count clamped to 1..500; not a number counts as 1. */
  private static int clamped(String raw) {
    int count;
    try {
      count = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      return 1;
    }
    return Math.max(1, Math.min(500, count));
  }

  private static int randomId() {
    return ThreadLocalRandom.current().nextInt(1, BenchmarkData.WORLD_ROWS + 1);
  }

  private static int randomIdOtherThan(int current) {
    int next;
    do {
      next = randomId();
    } while (next == current);
    return next;
  }
}
