package no.kontakt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The package layers, as rules on the compiled classes. Each rule is written for a base package, so the same rule
 * checks the real code ({@code no.kontakt}, main classes only) and, in {@link ShownToFail}, a small set of test
 * classes under {@code no.kontakt.archfixtures} that break it on purpose.
 */
class ArchitectureTest {
    private static final String BASE = "no.kontakt";
    private static final String FIXTURES = "no.kontakt.archfixtures";
    /**
     * The entry layer under a base package: the root package (App, the composition root) and the command-line tools
     * it starts ({@code cli}, {@code bench}). It builds everything, so it may know every layer and the storage backend.
     */
    private static final List<String> ENTRY = List.of("", "cli", "bench");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    /** The engine is pure: no HTTP, no Twilio, no store, no NLU, and none of the packages built on them. */
    static ArchRule flowIsPure(String base) {
        return noClasses().that().resideInAPackage(base + ".flow..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".web..", base + ".store..", base + ".channel..",
                        base + ".nlu..", base + ".conversation..", "io.javalin..", "jakarta.servlet..", "com.twilio..",
                        "org.mapdb..", "opennlp..")
                .as("the flow engine depends on nothing of web, store, channel, nlu, conversation, Javalin, Twilio, MapDB or OpenNLP");
    }

    /** MapDB is one storage backend: only the store and the entry layer (which picks the backend) know it. */
    static ArchRule onlyStoreKnowsMapDb(String base) {
        List<String> allowed = new java.util.ArrayList<>(List.of(base + ".store.."));
        ENTRY.forEach(p -> allowed.add(p.isEmpty() ? base : base + "." + p + ".."));
        return noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("org.mapdb..", base + ".store.mapdb..")
                .as("outside the store and the entry layer (root package, cli, bench), nothing depends on MapDB or on "
                        + base + ".store.mapdb");
    }

    /** PostgreSQL is the other storage backend: only the store and the entry layer know its driver or its package. */
    static ArchRule onlyStoreKnowsPostgres(String base) {
        List<String> allowed = new java.util.ArrayList<>(List.of(base + ".store.."));
        ENTRY.forEach(p -> allowed.add(p.isEmpty() ? base : base + "." + p + ".."));
        return noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer.hikari..", "org.flywaydb..",
                        base + ".store.postgres..")
                .as("outside the store and the entry layer (root package, cli, bench), nothing depends on PostgreSQL, HikariCP, "
                        + "Flyway or " + base + ".store.postgres");
    }

    /** HTTP and Twilio stay at the edge: only web, the channel adapters and the entry layer know Javalin, servlets or Twilio. */
    static ArchRule onlyTheEdgeKnowsHttp(String base) {
        List<String> allowed = new java.util.ArrayList<>(List.of(base + ".web..", base + ".channel.."));
        ENTRY.forEach(p -> allowed.add(p.isEmpty() ? base : base + "." + p + ".."));
        return noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "com.twilio..", base + ".web..")
                .as("outside web, channel and the entry layer, nothing depends on Javalin, servlets, Twilio or " + base + ".web");
    }

    /** Every top-level package is one slice; the entry layer (root package, cli, bench) is one slice too. */
    static ArchRule packagesAreFreeOfCycles(String base) {
        return slices().assignedFrom(new TopLevelPackages(base)).should().beFreeOfCycles()
                .as("the packages under " + base + " (the entry layer included) are free of cycles");
    }

    /** Web handlers call services; the store's data records (Conversation, Message…) may pass through them. */
    static ArchRule webDoesNotReachIntoTheStore(String base) {
        return noClasses().that().resideInAPackage(base + ".web..")
                .should().dependOnClassesThat(storeMachinery(base))
                .as("the web layer does not use the store's machinery (Stores, Storage, Batch, Committer, role stores)");
    }

    /**
     * What of the store is not plain data: everything in it except records, enums, exceptions and the shared JSON
     * mapper ({@code Json}).
     */
    static DescribedPredicate<JavaClass> storeMachinery(String base) {
        return DescribedPredicate.describe("the store's machinery in " + base + ".store..", c ->
                (c.getPackageName().equals(base + ".store") || c.getPackageName().startsWith(base + ".store."))
                        && !c.isRecord() && !c.isEnum() && !c.isAssignableTo(Throwable.class)
                        && !c.getFullName().equals(base + ".store.Json"));
    }

    @Test
    void the_flow_engine_is_pure() {
        flowIsPure(BASE).check(MAIN);
    }

    @Test
    void only_the_store_and_the_entry_layer_know_mapdb() {
        onlyStoreKnowsMapDb(BASE).check(MAIN);
    }

    @Test
    void only_the_store_and_the_entry_layer_know_postgres() {
        onlyStoreKnowsPostgres(BASE).check(MAIN);
    }

    @Test
    void only_the_edge_knows_http_and_twilio() {
        onlyTheEdgeKnowsHttp(BASE).check(MAIN);
    }

    @Test
    void the_packages_are_free_of_cycles() {
        packagesAreFreeOfCycles(BASE).check(MAIN);
    }

    @Test
    void the_web_layer_does_not_reach_into_the_store() {
        webDoesNotReachIntoTheStore(BASE).check(MAIN);
    }

    /** The same rules on classes written to break them: each must report exactly the deliberate violations. */
    @Nested
    class ShownToFail {
        private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);

        @Test
        void an_engine_class_that_uses_mapdb_the_store_or_twilio_is_reported() {
            List<String> report = violations(flowIsPure(FIXTURES));
            assertThat(report).allMatch(line -> line.contains("archfixtures.flow.ImpureStep"));
            assertThat(String.join("\n", report))
                    .contains("org.mapdb.DB").contains("archfixtures.store.Stores").contains("com.twilio.Twilio");
        }

        @Test
        void a_domain_service_that_uses_mapdb_is_reported_but_the_store_and_the_entry_layer_are_not() {
            List<String> report = violations(onlyStoreKnowsMapDb(FIXTURES));
            assertThat(report).anyMatch(line -> from(line, "inbox.MapDbInbox") && line.contains("<org.mapdb.DB>"))
                    .anyMatch(line -> from(line, "inbox.MapDbInbox") && line.contains("<" + FIXTURES + ".store.mapdb.MapDbTable>"))
                    .noneMatch(line -> from(line, "store.mapdb.MapDbTable") || from(line, "Wiring"));
        }

        @Test
        void a_domain_service_that_takes_a_javalin_request_is_reported_but_a_channel_adapter_using_twilio_is_not() {
            List<String> report = violations(onlyTheEdgeKnowsHttp(FIXTURES));
            assertThat(report).anyMatch(line -> from(line, "offers.OfferRoutes") && line.contains("<io.javalin.http.Context>"))
                    .anyMatch(line -> from(line, "flow.ImpureStep") && line.contains("<com.twilio.Twilio>"))
                    .noneMatch(line -> from(line, "channel.TwilioAdapter") || from(line, "web.Handler"));
        }

        @Test
        void a_cycle_between_two_packages_is_reported() {
            String report = String.join(" ", violations(packagesAreFreeOfCycles(FIXTURES))).replaceAll("\\s+", " ");
            assertThat(report).contains("Cycle detected: Slice offers -> Slice privacy -> Slice offers")
                    .contains("archfixtures.offers.Tangled").contains("archfixtures.privacy.Tangled");
        }

        @Test
        void a_cycle_through_the_entry_layer_is_reported() {
            String report = String.join(" ", violations(packagesAreFreeOfCycles(FIXTURES))).replaceAll("\\s+", " ");
            assertThat(report).contains("Cycle detected: Slice entry -> Slice web -> Slice entry")
                    .contains("archfixtures.web.Handler").contains("archfixtures.Wiring");
        }

        @Test
        void a_web_handler_that_commits_a_batch_is_reported_but_one_that_renders_a_record_is_not() {
            List<String> report = violations(webDoesNotReachIntoTheStore(FIXTURES));
            assertThat(report).allMatch(line -> line.startsWith("Method <no.kontakt.archfixtures.web.Handler."));
            assertThat(String.join("\n", report)).contains("archfixtures.store.Stores").contains("archfixtures.store.Batch")
                    .contains("archfixtures.store.MessageStore").doesNotContain("archfixtures.store.Message.");
        }

        /** Whether a violation's origin (the part before the first {@code >}) is the fixture class named. */
        private boolean from(String line, String fixture) {
            return line.substring(0, line.indexOf('>')).contains("<" + FIXTURES + "." + fixture + ".");
        }

        private List<String> violations(ArchRule rule) {
            EvaluationResult result = rule.evaluate(fixtures);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
            return result.getFailureReport().getDetails();
        }
    }

    /** {@code base.x..} is slice x; the root package, cli and bench are slice "entry". */
    private record TopLevelPackages(String base) implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.equals(base) && !pkg.startsWith(base + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.equals(base) ? "" : pkg.substring(base.length() + 1);
            String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            return SliceIdentifier.of(ENTRY.contains(top) ? "entry" : top);
        }

        @Override
        public String getDescription() {
            return "the top-level packages of " + base;
        }
    }
}
