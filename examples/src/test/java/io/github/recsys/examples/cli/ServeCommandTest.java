package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP service against the same model answering in-process: every response equals
 * {@link ServingModel#answer}, cold and thin users get popularity, and malformed requests get a
 * 4xx naming what was wrong. Every request and test has a timeout, so a broken server fails rather than hangs.
 */
@Timeout(120)
class ServeCommandTest {

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServingModel model;
    private static ServeCommand.Server server;
    private static HttpClient client;

    /** The events of {@link ServingCommandsTest#events}. */
    @BeforeAll
    static void start() throws IOException {
        Path events = ServingCommandsTest.events(dir);
        Args args = new Args(new String[] {"--train", events.toString(), "--factors", "4", "--iterations", "3",
                "--threads", "1", "--fallback-min-interactions", "5"});
        ServingModel.Options options = new ServingModel.Options(args);
        args.finish();
        model = ServingModel.build(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        server = ServeCommand.Server.start(model, "127.0.0.1", 0, 2, 5, 20);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersEqualTheInProcessModelForKnownColdAndThinUsers() throws Exception {
        for (String user : new String[] {"u9", "u8", "u1", "nobody"}) {
            HttpResponse<String> r = post("/recommend", "{\"user_id\": \"" + user + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode got = JSON.readTree(r.body());
            assertThat(got).isEqualTo(JSON.valueToTree(model.answer(user, 5, null)));
            assertThat(got.get("recommended_features").size()).as(user).isEqualTo(5);
        }
        assertThat(JSON.readTree(post("/recommend", "{\"user_id\": \"u9\"}").body()).get("source").asText()).isEqualTo("als");
        // u1 has 3 items (< 5): popularity; an unknown user: popularity, never an error
        assertThat(JSON.readTree(post("/recommend", "{\"user_id\": \"u1\"}").body()).get("source").asText()).isEqualTo("popularity");
        assertThat(JSON.readTree(post("/recommend", "{\"user_id\": 12345}").body()).get("source").asText()).isEqualTo("popularity");
    }

    @Test
    void nAndExcludeAreHonoured() throws Exception {
        JsonNode all = JSON.readTree(post("/recommend", "{\"user_id\": \"u9\", \"n\": 20}").body());
        int total = all.get("recommended_features").size();
        assertThat(total).isEqualTo(25 - 11); // 25 items, u9 has seen 11
        String first = all.get("recommended_features").get(0).asText();
        String second = all.get("recommended_features").get(1).asText();
        JsonNode without = JSON.readTree(post("/recommend",
                "{\"user_id\": \"u9\", \"n\": 3, \"exclude\": [\"" + first + "\", \"not-an-item\"]}").body());
        assertThat(without.get("recommended_features").size()).isEqualTo(3);
        assertThat(without.get("recommended_features").get(0).asText()).isEqualTo(second);
        Set<String> returned = new HashSet<>();
        without.get("recommended_features").forEach(n -> returned.add(n.asText()));
        assertThat(returned).doesNotContain(first);
        assertThat(JSON.readTree(post("/recommend", "{\"user_id\": \"u9\", \"n\": 0}").body())
                .get("recommended_features").size()).isZero();
    }

    @Test
    void historyIsFoldedInForUsersTheModelHasNotSeen() throws Exception {
        // six items u9 has seen, given as the history of a user the model does not know
        List<String> six = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            six.add("f" + ((9 * 3 + j * 7) % 25));
        }
        String history = JSON.writeValueAsString(six);
        String foldedBody = post("/recommend", "{\"user_id\": \"newbie\", \"n\": 8, \"history\": " + history + "}").body();
        JsonNode folded = JSON.readTree(foldedBody);
        assertThat(folded.has("error")).as(foldedBody).isFalse();
        assertThat(folded.get("source").asText()).isEqualTo("fold-in");
        assertThat(folded.get("recommended_features").size()).isEqualTo(8);
        assertThat(folded).isEqualTo(JSON.valueToTree(model.answer("newbie", six, 8, null)));
        folded.get("recommended_features").forEach(item -> assertThat(six).doesNotContain(item.asText()));
        // the fold-in is the exact solve of the library: same items as AlsRecommender.recommendFor
        int[] idx = six.stream().mapToInt(id -> model.train.itemIndex().indexOf(id)).toArray();
        int[] expected = model.als.recommendFor(idx, null, 8, null).items();
        List<String> expectedIds = new ArrayList<>();
        for (int i : expected) {
            expectedIds.add(model.train.itemIndex().idAt(i));
        }
        List<String> got = new ArrayList<>();
        folded.get("recommended_features").forEach(item -> got.add(item.asText()));
        assertThat(got).isEqualTo(expectedIds);

        // too short a history (2 < 5 items): popularity, the history items excluded; unknown ids counted
        JsonNode thin = JSON.readTree(post("/recommend",
                "{\"user_id\": \"newbie\", \"n\": 20, \"history\": [\"f0\", \"f1\", \"no-such-item\"]}").body());
        assertThat(thin.get("source").asText()).isEqualTo("popularity");
        assertThat(thin.get("ignored_history_items").asInt()).isEqualTo(1);
        assertThat(thin.get("recommended_features").size()).isEqualTo(20);
        thin.get("recommended_features").forEach(item -> assertThat(item.asText()).isNotIn("f0", "f1"));

        // a known user's history adds to its training items
        JsonNode known = JSON.readTree(post("/recommend", "{\"user_id\": \"u1\", \"history\": [\"f20\", \"f21\"]}").body());
        assertThat(known.get("source").asText()).isEqualTo("fold-in"); // 3 training items + 2 = 5
        assertThat(known.has("ignored_history_items")).isFalse();
        known.get("recommended_features").forEach(item -> assertThat(item.asText()).isNotIn("f20", "f21"));
    }

    @Test
    void malformedRequestsGetClearErrors() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"user_id\": ", "request body is not valid JSON",
                "[1, 2]", "request body must be a JSON object",
                "{}", "field 'user_id': required",
                "{\"user_id\": [1]}", "field 'user_id': expected a string or integer id, was [1]",
                "{\"user_id\": \"u1\", \"n\": 21}", "field 'n': expected an integer in [0, 20], was 21",
                "{\"user_id\": \"u1\", \"n\": 2.5}", "field 'n': expected an integer in [0, 20], was 2.5",
                "{\"user_id\": \"u1\", \"exclude\": \"f1\"}", "field 'exclude': expected an array of item ids",
                "{\"user_id\": \"u1\", \"exclude\": [null]}", "field 'exclude[0]'",
                "{\"user\": \"u1\"}", "unknown field 'user': expected user_id, n, exclude or history",
                "{\"user_id\": \"u1\", \"history\": {\"f1\": 1}}", "field 'history': expected an array of item ids, was OBJECT");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = post("/recommend", c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(c.getKey()).contains(c.getValue());
        }
        HttpResponse<String> wrongMethod = get("/recommend");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(post("/recommend", "{\"user_id\": \"" + "x".repeat(ServeCommand.MAX_BODY_BYTES) + "\"}").statusCode())
                .isEqualTo(413);
    }

    @Test
    void healthReportsTheModelShape() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("status").asText()).isEqualTo("ok");
        assertThat(j.get("users").asInt()).isEqualTo(30);
        assertThat(j.get("items").asInt()).isEqualTo(25);
        assertThat(j.get("factors").asInt()).isEqualTo(4);
    }

    @Test
    void concurrentRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                String user = "u" + (t % 30);
                Callable<String> call = () -> post("/recommend", "{\"user_id\": \"" + user + "\"}").body();
                futures.add(pool.submit(call));
            }
            for (int t = 0; t < 200; t++) {
                assertThat(JSON.readTree(futures.get(t).get()))
                        .isEqualTo(JSON.valueToTree(model.answer("u" + (t % 30), 5, null)));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void httpBenchMeasuresARunningServer() throws Exception {
        CliRunner r = CliRunner.run("http-bench", "--url", "http://127.0.0.1:" + server.port(), "--users", "u9,u1,nobody",
                "--requests", "50", "--warmup", "0.2", "--n", "3");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("requests").asInt()).isEqualTo(40);
        assertThat(j.get("p50Micros").asDouble()).isPositive().isLessThanOrEqualTo(j.get("p99Micros").asDouble());
        assertThat(j.get("p99Micros").asDouble()).isLessThanOrEqualTo(j.get("maxMicros").asDouble());
        // a request the server rejects stops the run with the server's answer
        CliRunner bad = CliRunner.run("http-bench", "--url", "http://127.0.0.1:" + server.port(), "--users", "u1",
                "--requests", "5", "--n", "999");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("user u1: HTTP/1.1 400").contains("field 'n'");
        assertThat(CliRunner.run("http-bench", "--user-range", "5..1").err()).contains("LO <= HI");
    }

    @Test
    void usageErrorsExitWith2() {
        CliRunner r = CliRunner.run("serve", "--train", dir.resolve("events.csv").toString(), "--n", "50", "--max-n", "20");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--n must be in [0, 20], was 50");
        assertThat(CliRunner.run("serve").err()).contains("missing required option --train");
        assertThat(CliRunner.run("serve", "--train", "x", "--port", "70000").err()).contains("--port must be in [0, 65535]");
    }
}
