package io.github.recsys.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code http-bench}: latency of a running {@code serve} as one keep-alive client sees it.
 *
 * <pre>
 * http-bench [--url http://127.0.0.1:8080] --users u1,u2,... | --user-range LO..HI
 *            [--requests 20000] [--warmup 0.2] [--n 10] [--seed 42]
 * </pre>
 * Sends {@code POST /recommend} for users drawn at random (seeded) one after another over a single
 * TCP connection (TCP_NODELAY, each request written at once) and prints JSON: {@code requests},
 * {@code p50Micros}, {@code p90Micros}, {@code p99Micros}, {@code maxMicros}, {@code requestsPerSecond};
 * the first {@code --warmup} share of requests is not counted. Any answer other than 200 stops the run
 * with an error naming the user and the answer.
 */
public final class HttpBenchCommand implements Command {

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(argv);
        URI url = URI.create(args.get("url", "http://127.0.0.1:8080"));
        String usersArg = args.get("users", null);
        String range = args.get("user-range", null);
        int requests = args.getInt("requests", 20000);
        double warmup = args.getDouble("warmup", 0.2);
        int n = args.getInt("n", 10);
        long seed = args.getLong("seed", 42);
        args.finish();
        if ((usersArg == null) == (range == null)) {
            throw new UsageException("give exactly one of --users u1,u2,... and --user-range LO..HI");
        }
        if (requests < 1) {
            throw new UsageException("--requests must be >= 1, was " + requests);
        }
        if (!(warmup >= 0 && warmup < 1)) {
            throw new UsageException("--warmup must be in [0, 1), was " + warmup);
        }
        String[] users;
        if (usersArg != null) {
            users = Arrays.stream(usersArg.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        } else {
            String[] ends = range.split("\\.\\.");
            long lo;
            long hi;
            try {
                lo = Long.parseLong(ends[0].trim());
                hi = Long.parseLong(ends[1].trim());
            } catch (RuntimeException e) {
                throw new UsageException("--user-range expects LO..HI with integers, was '" + range + "'");
            }
            if (hi < lo || hi - lo >= 10_000_000) {
                throw new UsageException("--user-range must have LO <= HI and at most 10,000,000 users, was '" + range + "'");
            }
            users = new String[(int) (hi - lo + 1)];
            for (int i = 0; i < users.length; i++) {
                users[i] = Long.toString(lo + i);
            }
        }
        if (users.length == 0) {
            throw new UsageException("--users needs at least one user id");
        }
        String host = url.getHost() == null ? "127.0.0.1" : url.getHost();
        int port = url.getPort() < 0 ? 80 : url.getPort();
        ObjectMapper json = new ObjectMapper();
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] nanos = new long[requests];
        long start = System.nanoTime();
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            OutputStream os = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int r = 0; r < requests; r++) {
                String user = users[rnd.nextInt(users.length)];
                byte[] body = json.writeValueAsBytes(Map.of("user_id", user, "n", n));
                byte[] head = ("POST /recommend HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] req = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, req, head.length, body.length);
                long t0 = System.nanoTime();
                os.write(req);
                os.flush();
                String answer = readResponse(in);
                nanos[r] = System.nanoTime() - t0;
                if (answer != null) {
                    throw new IOException("user " + user + ": " + answer);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int skip = (int) (requests * warmup);
        long[] counted = Arrays.copyOfRange(nanos, skip, requests);
        Arrays.sort(counted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", url.toString());
        result.put("requests", counted.length);
        result.put("p50Micros", percentile(counted, 0.50));
        result.put("p90Micros", percentile(counted, 0.90));
        result.put("p99Micros", percentile(counted, 0.99));
        result.put("maxMicros", counted[counted.length - 1] / 1e3);
        result.put("requestsPerSecond", requests / seconds);
        out.println(json.writeValueAsString(result));
        err.printf(Locale.ROOT, "%d requests in %.2f s%n", requests, seconds);
        return 0;
    }

    private static double percentile(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.floor(q * sorted.length));
        return sorted[i] / 1e3;
    }

    /** Reads one HTTP/1.1 response; null when it is a 200, else its status line and body. */
    private static String readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the server closed the connection");
        }
        int length = -1;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length: " + status);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("answer body cut short: " + status);
        }
        return status.contains(" 200 ") ? null : status + " " + new String(body, StandardCharsets.UTF_8);
    }

    /** A CRLF-terminated line without its terminator; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
