package io.github.recsys.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.recsys.api.ItemFilter;
import io.github.recsys.data.IdIndex;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: trains ALS on an event file, or reads the model {@code train} wrote for it ({@code --model};
 * the event file still gives each user's seen items and the popularity fallback), and answers HTTP
 * requests with the JDK's built-in server until the process is stopped.
 *
 * <pre>
 * serve --train FILE [--model MODEL] [--port 8080] [--host 127.0.0.1] [--n 10] [--max-n 1000] [--http-threads N]
 *       [--fallback-min-interactions 1] [--blend 1.0] [--popularity count|users] [--format auto] [--lenient]
 *       [ALS options as for recommend]
 * </pre>
 *
 * <p>{@code POST /recommend} with a JSON object {@code {"user_id": "12345", "n": 10, "exclude": ["f1"],
 * "history": ["f7", "f9"]}} ({@code user_id} a string or integer, required; {@code n} an integer in
 * [0, max-n], default {@code --n}; {@code exclude} item ids never to return, ids unknown to the model
 * have nothing to exclude; {@code history} optional, items the user interacted with since training)
 * answers 200 with {@code {"user_id": "12345", "recommended_features": [...], "source": "als"}};
 * unknown and thin users get popularity ({@code "source": "popularity"}), never an error. With a
 * {@code history}, the answer is the ALS fold-in of the user's training items and the history
 * ({@code "source": "fold-in"}; see {@link ServingModel#answer(String, java.util.List, int,
 * io.github.recsys.api.ItemFilter)}), so users the model has never seen get personal answers at once.
 * {@code GET /health} answers {@code {"status": "ok", "users": U, "items": I, "factors": k}}.
 * A malformed request gets 400 with {@code {"error": "..."}} naming the field and what was expected;
 * a wrong method 405, an unknown path 404, a body over 1 MiB 413. Once listening, one JSON line
 * {@code {"listening": "http://host:port", ...}} goes to standard output.
 */
public final class ServeCommand implements Command {

    /** Largest accepted request body. */
    static final int MAX_BODY_BYTES = 1 << 20;

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        int port = args.getInt("port", 8080);
        String host = args.get("host", "127.0.0.1");
        int n = args.getInt("n", 10);
        int maxN = args.getInt("max-n", 1000);
        int httpThreads = args.getInt("http-threads", Runtime.getRuntime().availableProcessors());
        ServingModel.Options options = new ServingModel.Options(args);
        args.finish();
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be in [0, 65535], was " + port);
        }
        if (maxN < 0) {
            throw new UsageException("--max-n must be >= 0, was " + maxN);
        }
        if (n < 0 || n > maxN) {
            throw new UsageException("--n must be in [0, " + maxN + "], was " + n);
        }
        if (httpThreads < 1) {
            throw new UsageException("--http-threads must be >= 1, was " + httpThreads);
        }
        ServingModel model = ServingModel.build(options, err);
        Server server = Server.start(model, host, port, httpThreads, n, maxN);
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("listening", "http://" + host + ":" + server.port());
        ready.put("users", model.train.rows());
        ready.put("items", model.train.cols());
        ready.put("fitSeconds", model.fitSeconds);
        out.println(new ObjectMapper().writeValueAsString(ready));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "recsys-serve-shutdown"));
        stopped.await();
        return 0;
    }

    /** A running server; {@link #close()} stops it. */
    static final class Server implements AutoCloseable {
        private final HttpServer http;
        private final ExecutorService pool;

        private Server(HttpServer http, ExecutorService pool) {
            this.http = http;
            this.pool = pool;
        }

        /** Starts answering {@code /recommend} and {@code /health} on {@code host:port} (0: any free port). */
        static Server start(ServingModel model, String host, int port, int threads, int defaultN, int maxN)
                throws IOException {
            // The JDK server writes the headers and the body separately; with Nagle's algorithm on, the
            // body then waits for the client's delayed ACK (about 40 ms per request on Linux). The
            // property is read once, when the server implementation is first loaded.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "recsys-serve");
                t.setDaemon(true);
                return t;
            });
            Handler handler = new Handler(model, defaultN, maxN);
            http.createContext("/", handler::handle);
            http.setExecutor(pool);
            http.start();
            return new Server(http, pool);
        }

        /** The port listened on. */
        int port() {
            return http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A request the client got wrong: HTTP status and message. */
    private static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Parses requests and writes answers; thread-safe (the model and the mapper are). */
    private static final class Handler {
        private final ServingModel model;
        private final int defaultN;
        private final int maxN;
        private final ObjectMapper json = new ObjectMapper();

        Handler(ServingModel model, int defaultN, int maxN) {
            this.model = model;
            this.defaultN = defaultN;
            this.maxN = maxN;
        }

        void handle(HttpExchange ex) throws IOException {
            try {
                int status = 200;
                Object body;
                try {
                    body = route(ex);
                } catch (BadRequest e) {
                    status = e.status;
                    body = Map.of("error", e.getMessage());
                } catch (RuntimeException e) {
                    status = 500;
                    body = Map.of("error", "internal error: " + e);
                }
                byte[] bytes = json.writeValueAsBytes(body);
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                ex.sendResponseHeaders(status, bytes.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            } finally {
                ex.close();
            }
        }

        private Object route(HttpExchange ex) throws BadRequest, IOException {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/recommend" -> {
                    if (!method.equals("POST")) {
                        ex.getResponseHeaders().set("Allow", "POST");
                        throw new BadRequest(405, "use POST for /recommend, not " + method);
                    }
                    return recommend(readBody(ex.getRequestBody()));
                }
                case "/health" -> {
                    if (!method.equals("GET")) {
                        ex.getResponseHeaders().set("Allow", "GET");
                        throw new BadRequest(405, "use GET for /health, not " + method);
                    }
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("status", "ok");
                    h.put("users", model.train.rows());
                    h.put("items", model.train.cols());
                    h.put("factors", model.setting.factors());
                    return h;
                }
                default -> throw new BadRequest(404, "no such path '" + path + "': use POST /recommend or GET /health");
            }
        }

        private static byte[] readBody(InputStream in) throws IOException, BadRequest {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // read (a bounded amount of) the rest, so the client sees the answer rather than a reset
                // (read, not skip: the exchange's body stream does not bound skip by the content length)
                byte[] sink = new byte[8192];
                long left = 64L * MAX_BODY_BYTES;
                int got;
                while (left > 0 && (got = in.read(sink)) > 0) {
                    left -= got;
                }
                throw new BadRequest(413, "request body over " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }

        private Map<String, Object> recommend(byte[] body) throws BadRequest {
            JsonNode req;
            try {
                req = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new BadRequest(400, "request body is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new BadRequest(400, "request body could not be read: " + e.getMessage());
            }
            if (req == null || !req.isObject()) {
                throw new BadRequest(400, "request body must be a JSON object like {\"user_id\": \"12345\", \"n\": 10}");
            }
            for (Iterator<String> it = req.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("user_id") && !f.equals("n") && !f.equals("exclude") && !f.equals("history")) {
                    throw new BadRequest(400, "unknown field '" + f + "': expected user_id, n, exclude or history");
                }
            }
            String user = id(req.get("user_id"), "user_id");
            if (user == null) {
                throw new BadRequest(400, "field 'user_id': required");
            }
            int n = defaultN;
            JsonNode nNode = req.get("n");
            if (nNode != null && !nNode.isNull()) {
                if (!nNode.isIntegralNumber() || !nNode.canConvertToInt() || nNode.intValue() < 0 || nNode.intValue() > maxN) {
                    throw new BadRequest(400, "field 'n': expected an integer in [0, " + maxN + "], was " + nNode);
                }
                n = nNode.intValue();
            }
            ItemFilter filter = ItemFilter.DEFAULT;
            List<String> exclude = ids(req.get("exclude"), "exclude");
            if (exclude != null) {
                IdIndex items = model.train.itemIndex();
                IntArrayList deny = new IntArrayList(exclude.size());
                for (String item : exclude) {
                    int idx = items.indexOf(item);
                    if (idx >= 0) {
                        deny.add(idx);
                    }
                }
                filter = filter.deny(deny.toIntArray());
            }
            List<String> history = ids(req.get("history"), "history");
            return history != null ? model.answer(user, history, n, filter) : model.answer(user, n, filter);
        }

        /** An array of ids, or null when the field is absent or null. */
        private static List<String> ids(JsonNode node, String field) throws BadRequest {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                throw new BadRequest(400, "field '" + field + "': expected an array of item ids, was " + node.getNodeType());
            }
            List<String> out = new ArrayList<>(node.size());
            for (int j = 0; j < node.size(); j++) {
                String item = id(node.get(j), field + "[" + j + "]");
                if (item == null) {
                    throw new BadRequest(400, "field '" + field + "[" + j + "]': expected a string or integer id, was null");
                }
                out.add(item);
            }
            return out;
        }

        /** A string or integer id as text; null for a missing or null node. */
        private static String id(JsonNode node, String field) throws BadRequest {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isIntegralNumber()) {
                return node.asText();
            }
            throw new BadRequest(400, "field '" + field + "': expected a string or integer id, was " + node);
        }
    }
}
