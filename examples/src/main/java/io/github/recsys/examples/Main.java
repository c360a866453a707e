package io.github.recsys.examples;

import io.github.recsys.examples.cli.Command;
import io.github.recsys.examples.cli.UsageException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recsys command-line tool: {@code java -jar examples/target/recsys-cli.jar COMMAND [--options]}.
 * Results go to stdout; errors to stderr with a non-zero exit status (1 = failure, 2 = bad usage).
 */
public final class Main {

    /** Command name -> implementing class (in {@code io.github.recsys.examples.cli}) and one-line help. */
    private static final Map<String, String[]> COMMANDS = new LinkedHashMap<>();

    static {
        register("demo", "DemoCommand", "train ALS on a generated product-feature event log, show top-5 per user and a conversion summary");
        register("als-eval", "AlsEvalCommand", "train ALS and score ranking metrics on a held-out split (JSON)");
        register("als-bench", "AlsBenchCommand", "time ALS iterations on synthetic or given data (JSON)");
        register("train", "TrainCommand", "fit ALS on an event file and write a model file for serve/recommend --model (JSON)");
        register("recommend", "RecommendCommand", "top-N for given users, popularity fallback for cold start (JSON lines)");
        register("tune", "TuneCommand", "grid or random hyperparameter search for ALS (JSON lines)");
        register("serve", "ServeCommand", "HTTP service: POST /recommend answers top-N with popularity fallback (JSON)");
        register("serve-bench", "ServeBenchCommand", "latency of top-N and fold-in serving (JSON)");
        register("http-bench", "HttpBenchCommand", "latency of a running serve, one keep-alive client (JSON)");
        register("conversion-eval", "ConversionEvalCommand", "train a conversion model and score it on a test table (JSON)");
        register("segments", "SegmentsCommand", "conversion rate by segment with Wilson intervals");
        register("abtest", "AbTestCommand", "control vs treatment conversion statistics");
        register("generate-sessions", "GenerateSessionsCommand", "write a seeded synthetic session table as CSV");
    }

    private Main() {
    }

    private static void register(String name, String className, String help) {
        COMMANDS.put(name, new String[] {"io.github.recsys.examples.cli." + className, help});
    }

    /** Entry point; exits the JVM with the command's status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command without exiting the JVM (for tests); returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            usage(err);
            return args.length == 0 ? 2 : 0;
        }
        String[] spec = COMMANDS.get(args[0]);
        if (spec == null) {
            err.println("error: unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        Command command;
        try {
            command = (Command) Class.forName(spec[0]).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            err.println("error: command '" + args[0] + "' is not available in this build (" + e + ")");
            return 1;
        }
        try {
            int status = command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
            out.flush();
            return status;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run 'recsys-cli.jar help' for the list of commands");
            return 2;
        } catch (Exception | OutOfMemoryError e) {
            String msg = e.getMessage() != null ? e.getMessage() : e.toString();
            err.println("error: " + msg);
            if (System.getenv("RECSYS_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static void usage(PrintStream err) {
        err.println("usage: java --add-modules jdk.incubator.vector -jar examples/target/recsys-cli.jar COMMAND [--options]");
        err.println("commands:");
        for (Map.Entry<String, String[]> e : COMMANDS.entrySet()) {
            err.printf("  %-18s %s%n", e.getKey(), e.getValue()[1]);
        }
    }
}
