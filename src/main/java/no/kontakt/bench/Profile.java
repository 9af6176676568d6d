package no.kontakt.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went, from a Flight Recorder file: every {@code jdk.ExecutionSample} is given to the first
 * frame from the top of its stack that is not plain JDK code (collections, strings, streams count for their caller;
 * the JDK's crypto and file channel count for themselves), by library or by Kontakt package, the risk lexicons apart;
 * then again by the first Kontakt frame (whose work it is). {@code jdk.NativeMethodSample}s in {@code FileDispatcherImpl.force}
 * are the threads waiting on fdatasync, counted apart (they use no CPU). Run: {@code java -cp target/kontakt.jar
 * no.kontakt.bench.Profile FILE.jfr}.
 */
public final class Profile {
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"org.mapdb.", "MapDB (B-trees, store engine)"},
            new String[] {"org.eclipse.collections.", "MapDB (B-trees, store engine)"},
            new String[] {"com.fasterxml.jackson.", "JSON (Jackson)"},
            new String[] {"javax.crypto.", "AES-GCM (JCE)"},
            new String[] {"com.sun.crypto.", "AES-GCM (JCE)"},
            new String[] {"sun.security.", "AES-GCM (JCE)"},
            new String[] {"sun.nio.ch.FileChannelImpl", "file I/O"},
            new String[] {"sun.nio.ch.FileDispatcherImpl", "file I/O"},
            new String[] {"org.eclipse.jetty.", "Jetty"},
            new String[] {"io.javalin.", "Javalin"},
            new String[] {"opennlp.", "OpenNLP (classifiers)"},
            new String[] {"org.ahocorasick.", "Kontakt risk lexicons (nlu)"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"},
            new String[] {"io.micrometer.", "metrics"},
            new String[] {"io.prometheus.", "metrics"},
            new String[] {"com.twilio.", "Twilio SDK"},
            new String[] {"org.snakeyaml.", "YAML"},
            new String[] {"org.yaml.", "YAML"});
    private static final List<String> RISK_LEXICONS = List.of("WordIndex", "PhraseMatcher", "RiskDetector", "EditDistance", "Folding", "Lexicon",
            "LexiconRiskCheck", "RiskAutomaton");

    private Profile() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Profile FILE.jfr [FILE.jfr…]");
            System.exit(2);
        }
        for (String file : args) {
            print(Path.of(file), System.out);
        }
    }

    /** Prints the two tables for one recording. */
    static void print(Path file, PrintStream out) throws IOException {
        Map<String, Long> byPlace = new HashMap<>();
        Map<String, Long> byKontakt = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        long samples = 0;
        long fsync = 0;
        long native_ = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                String type = e.getEventType().getName();
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null) {
                    continue;
                }
                if (type.equals("jdk.NativeMethodSample")) {
                    native_++;
                    if (!stack.getFrames().isEmpty() && frameName(stack.getFrames().get(0)).contains("FileDispatcherImpl.force")) {
                        fsync++;
                    }
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                samples++;
                byPlace.merge(place(stack.getFrames()), 1L, Long::sum);
                byKontakt.merge(kontaktFrame(stack.getFrames()), 1L, Long::sum);
                byMethod.merge(firstOwnFrame(stack.getFrames()), 1L, Long::sum);
            }
        }
        out.printf(Locale.ROOT, "%s: %d CPU samples (jdk.ExecutionSample); %d native samples, %d of them waiting in fdatasync%n%n",
                file.getFileName(), samples, native_, fsync);
        table(out, "where the CPU goes (first frame that is not plain JDK code)", byPlace, samples, 20);
        table(out, "whose work it is (first Kontakt frame; none: server threads outside Kontakt code)", byKontakt, samples, 20);
        table(out, "hottest methods (first frame that is not plain JDK code)", byMethod, samples, 15);
    }

    private static void table(PrintStream out, String title, Map<String, Long> counts, long total, int rows) {
        out.println("| " + title + " | share |");
        out.println("| --- | ---: |");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(en -> out.printf(Locale.ROOT, "| %s | %.1f %% |%n", en.getKey(), 100.0 * en.getValue() / Math.max(1, total)));
        out.println();
    }

    private static String place(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String cls = className(f);
            for (String[] lib : LIBRARIES) {
                if (cls.startsWith(lib[0])) {
                    return lib[1];
                }
            }
            if (cls.startsWith("no.kontakt.")) {
                return kontaktPlace(cls);
            }
            if (!isJdk(cls)) {
                return "other library: " + packageOf(cls);
            }
        }
        return frames.isEmpty() ? "(no frames)" : "JDK only: " + packageOf(className(frames.get(frames.size() - 1)));
    }

    private static String kontaktFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String cls = className(f);
            if (cls.startsWith("no.kontakt.")) {
                return kontaktPlace(cls);
            }
        }
        return "none";
    }

    private static String firstOwnFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (!isJdk(className(f))) {
                return frameName(f);
            }
        }
        return frames.isEmpty() ? "(no frames)" : frameName(frames.get(0));
    }

    /** {@code no.kontakt.store.Stores$1} → "Kontakt store"; the risk lexicon classes are named apart. */
    private static String kontaktPlace(String cls) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        String outer = dollar >= 0 ? simple.substring(0, dollar) : simple;
        if (cls.startsWith("no.kontakt.nlu.") && RISK_LEXICONS.contains(outer)) {
            return "Kontakt risk lexicons (nlu)";
        }
        String rest = cls.substring("no.kontakt.".length());
        int dot = rest.indexOf('.');
        return "Kontakt " + (dot >= 0 ? rest.substring(0, dot) : "(root: " + outer + ")");
    }

    private static boolean isJdk(String cls) {
        return (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.") || cls.startsWith("com.sun."))
                && !cls.startsWith("sun.security.") && !cls.startsWith("com.sun.crypto.") && !cls.startsWith("sun.nio.ch.File");
    }

    private static String className(RecordedFrame f) {
        return f.getMethod() == null ? "?" : f.getMethod().getType().getName();
    }

    private static String frameName(RecordedFrame f) {
        return f.getMethod() == null ? "?" : className(f) + "." + f.getMethod().getName();
    }

    private static String packageOf(String cls) {
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? cls : cls.substring(0, dot);
    }
}
