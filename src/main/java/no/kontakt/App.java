package no.kontakt;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.kontakt.cli.BenchCommand;
import no.kontakt.cli.ChatCommand;
import no.kontakt.cli.ClassifyCommand;
import no.kontakt.cli.ConfigFile;
import no.kontakt.cli.StoreCommand;
import no.kontakt.cli.UserCommand;
import no.kontakt.cli.ValidateCommand;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigException;
import no.kontakt.config.ConfigLoader;
import no.kontakt.flow.ScriptException;
import no.kontakt.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code serve} (the default), and the tools that read the same configuration. */
@Command(name = "kontakt", mixinStandardHelpOptions = true, version = "kontakt 0.1",
        description = "Chat and SMS contact bot for low-threshold mental-health and substance-use services.",
        subcommands = {App.Serve.class, ValidateCommand.class, ChatCommand.class, ClassifyCommand.class, UserCommand.class, StoreCommand.class,
                BenchCommand.class})
public final class App implements Callable<Integer>, ConfigFile {

    @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})", defaultValue = "config/kontakt.yaml",
            scope = CommandLine.ScopeType.INHERIT)
    Path config;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new App());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScriptException s) {
                cmd.getErr().println("kontakt: the scripts have errors:");
                s.problems().forEach(p -> cmd.getErr().println(p));
                return 2;
            }
            if (e instanceof ConfigException || e instanceof StoreException || e instanceof IllegalStateException) {
                cmd.getErr().println("kontakt: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** No command means {@code serve}. */
    @Override
    public Integer call() throws Exception {
        return new Serve(this).call();
    }

    @Override
    public Path configPath() {
        return config;
    }

    @Override
    public AppConfig loadConfig() {
        return ConfigLoader.fromSystemEnvironment().load(config);
    }

    @Command(name = "serve", description = "Start the server (the default command).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        App app;

        Serve() {}

        Serve(App app) {
            this.app = app;
        }

        @Override
        public Integer call() throws InterruptedException {
            Kontakt kontakt = Kontakt.start(app.loadConfig(), System::getenv, Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kontakt.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }
    }
}
