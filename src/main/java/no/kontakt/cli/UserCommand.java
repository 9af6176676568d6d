package no.kontakt.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import no.kontakt.App;
import no.kontakt.config.AppConfig;
import no.kontakt.inbox.Accounts;
import no.kontakt.store.MapDbStorage;
import no.kontakt.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code user add NAME --role ROLE} (password on stdin), {@code user list}, {@code user remove NAME}. */
@Command(name = "user", description = "Manage staff accounts in the store the configuration points at.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
public final class UserCommand {
    @ParentCommand
    App app;

    Stores open() {
        AppConfig config = app.loadConfig();
        byte[] secret = no.kontakt.privacy.SecretKey.load(System::getenv, config.store().dataDir());
        return new Stores(MapDbStorage.open(config.store().dataDir()), 8, config.unit().timeZone(),
                new no.kontakt.store.SealedJson(no.kontakt.privacy.SecretKey.store(System::getenv, secret),
                        no.kontakt.privacy.SecretKey.previous(System::getenv)));
    }

    @Command(name = "add", description = "Add or replace an account; reads the password from stdin (one line).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", description = "user name")
        String name;

        @Option(names = "--role", required = true, description = "staff, peer, oncall or admin")
        String role;

        @Override
        public Integer call() throws Exception {
            char[] password;
            Console console = System.console();
            if (console != null) {
                password = console.readPassword("Password for %s: ", name);
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            try (Stores stores = user.open()) {
                new Accounts(stores, Clock.systemUTC()).add(name, role, password);
                System.out.println("saved " + name + " (" + role + ")");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("kontakt: " + e.getMessage());
                return 1;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "list", description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Override
        public Integer call() {
            try (Stores stores = user.open()) {
                new Accounts(stores, Clock.systemUTC()).list().forEach(u -> System.out.println(u.username() + "\t" + u.role()
                        + (u.retryAfter() != null && u.failures() >= 10 ? "\tlocked" : "")));
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Remove an account.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", description = "user name")
        String name;

        @Override
        public Integer call() {
            try (Stores stores = user.open()) {
                boolean removed = new Accounts(stores, Clock.systemUTC()).remove(name);
                System.out.println(removed ? "removed " + name : "no user " + name);
                return removed ? 0 : 1;
            }
        }
    }
}
