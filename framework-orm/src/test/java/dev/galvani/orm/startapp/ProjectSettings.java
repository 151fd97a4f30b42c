package dev.galvani.orm.startapp;

import dev.galvani.core.Env;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;
import java.util.List;

/** A project's settings class, as a generated project has one: startapp puts apps beside it. */
public final class ProjectSettings extends Settings {
  public ProjectSettings(Env env) {
    super(env);
    secretKey(Secret.of("startapp-test-secret-key-0123456789-0123456789-0123456789"));
    set(OrmSettings.KEY, OrmSettings.fromEnv(env(), "h2:mem:startapp"));
    apps(new OrmApp());
    rootUrls(List::of);
  }
}
