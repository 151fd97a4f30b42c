package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hand-written steps: SQL per vendor and Java code. Neither changes the schema state. */
final class CodeOperations {
  private CodeOperations() {}

  /**
   * One SQL statement per vendor (blank for a vendor that needs none), with an optional reverse.
   */
  record RunSql(Function<Vendor, String> forward, Optional<Function<Vendor, String>> backward)
      implements Operation {
    @Override
    public void applyTo(SchemaState state) {}

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      String statement = forward.apply(vendor);
      return statement == null || statement.isBlank() ? List.of() : List.of(statement);
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return backward.map(sql -> new RunSql(sql, Optional.of(forward)));
    }

    @Override
    public String describe() {
      return "Run SQL";
    }

    @Override
    public String toSource() {
      return "runSql(/* hand-written */)";
    }

    /** The SQL of every vendor, so editing it changes the checksum. */
    @Override
    public String fingerprint() {
      return "runSql("
          + Arrays.stream(Vendor.values())
              .map(vendor -> vendor.id() + ": " + forward.apply(vendor))
              .collect(Collectors.joining("; "))
          + ")";
    }
  }

  /** Java code run with the migration's connection; irreversible without a backward part. */
  record RunJava(String name, MigrationCode forward, Optional<MigrationCode> backward)
      implements Operation {
    @Override
    public void applyTo(SchemaState state) {}

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of();
    }

    @Override
    public void execute(MigrationContext context, SchemaState before) throws Exception {
      forward.run(context);
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return backward.map(code -> new RunJava(name, code, Optional.of(forward)));
    }

    @Override
    public String describe() {
      return "Run Java code" + (name.isEmpty() ? "" : " " + name);
    }

    @Override
    public String toSource() {
      return "runJava(/* hand-written */)";
    }

    @Override
    public String fingerprint() {
      return "runJava(" + name + ")";
    }
  }
}
