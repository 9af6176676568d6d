package no.kontakt.cli;

import java.nio.file.Path;
import no.kontakt.config.AppConfig;

/** What every command gets from the top command: the {@code --config} file, and the configuration read from it. */
public interface ConfigFile {
    Path configPath();

    AppConfig loadConfig();
}
