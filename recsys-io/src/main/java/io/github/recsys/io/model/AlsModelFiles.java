package io.github.recsys.io.model;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsSolver;
import io.github.recsys.als.TrainingSummary;
import io.github.recsys.data.IdIndex;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Reads and writes {@link AlsModel}s as binary files: factors, id indexes, the training
 * configuration and summary, so a model trained once can be served many times.
 *
 * <p>Format, version 1 (big-endian, as {@link DataOutputStream} writes): the 8 ASCII bytes
 * {@code RECSYSAL}; int format version; ints users, items, factors; the {@link AlsConfig} (doubles
 * regularization, regularization exponent, alpha, CG tolerance; ints iterations, CG steps, threads;
 * long seed; solver name; boolean compute-loss); the {@link TrainingSummary} (int iterations, that
 * many doubles of seconds, double final loss, kernels and version strings); the user index, then the
 * item index (a byte 0 and that many longs, or 1 and that many strings); the user factors
 * (users x factors floats, row-major), then the item factors; last, a long: the CRC-32 of every
 * byte before it. Strings are an int byte count and UTF-8 bytes.
 *
 * <p>Writing goes to a temporary file in the target's folder that is then moved into place, so a
 * reader never sees half a model. Reading checks the magic bytes, the version, the shapes and the
 * checksum, and names the file and the part that is wrong. Stateless and thread-safe.
 */
public final class AlsModelFiles {

    /** The first bytes of every model file. */
    static final byte[] MAGIC = "RECSYSAL".getBytes(StandardCharsets.US_ASCII);
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAX_STRING_BYTES = 1 << 24;

    private AlsModelFiles() {
    }

    /**
     * Writes {@code model} to {@code file}, replacing it.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(AlsModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(model, os);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code model} to {@code out} (not closed). */
    public static void write(AlsModel model, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream d = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), crc));
        d.write(MAGIC);
        d.writeInt(FORMAT_VERSION);
        d.writeInt(model.userCount());
        d.writeInt(model.itemCount());
        d.writeInt(model.factors());
        AlsConfig c = model.config();
        d.writeDouble(c.regularization());
        d.writeDouble(c.regularizationExponent());
        d.writeDouble(c.alpha());
        d.writeDouble(c.cgTolerance());
        d.writeInt(c.iterations());
        d.writeInt(c.cgSteps());
        d.writeInt(c.threads());
        d.writeLong(c.seed());
        writeString(d, c.solver().name());
        d.writeBoolean(c.computeLoss());
        TrainingSummary s = model.summary();
        d.writeInt(s.iterations());
        for (double sec : s.secondsPerIteration()) {
            d.writeDouble(sec);
        }
        d.writeDouble(s.finalLoss());
        writeString(d, s.kernels());
        writeString(d, s.libraryVersion());
        writeIndex(d, model.userIndex());
        writeIndex(d, model.itemIndex());
        writeFloats(d, model.userFactors());
        writeFloats(d, model.itemFactors());
        d.flush();
        long sum = crc.getValue();
        // the checksum itself is written past the checked stream
        DataOutputStream tail = new DataOutputStream(out);
        tail.writeLong(sum);
        tail.flush();
    }

    /**
     * Reads a model written by {@link #write(AlsModel, Path)}.
     *
     * @throws ModelFileException naming the file and what is wrong when it is not a valid model file
     * @throws NoSuchFileException when it does not exist
     * @throws IOException         on other read failures
     */
    public static AlsModel read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), size);
        }
    }

    /**
     * Reads a model from {@code in} (not closed); {@code source} names it in error messages.
     *
     * @throws ModelFileException when the bytes are not a valid model file
     */
    public static AlsModel read(InputStream in, String source) throws IOException {
        return read(in, source, Long.MAX_VALUE);
    }

    private static AlsModel read(InputStream in, String source, long sizeLimit) throws IOException {
        CRC32 crc = new CRC32();
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        DataInputStream d = new DataInputStream(new CheckedInputStream(buffered, crc));
        Reader r = new Reader(d, source);
        byte[] magic = r.bytes(MAGIC.length, "the magic bytes");
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new ModelFileException(source + ": not a recsys ALS model file (expected it to start with 'RECSYSAL')");
        }
        int version = r.readInt("the format version");
        if (version != FORMAT_VERSION) {
            throw new ModelFileException(source + ": format version " + version + ", this library reads version "
                    + FORMAT_VERSION);
        }
        int users = r.count("users");
        int items = r.count("items");
        int factors = r.count("factors");
        if (factors == 0 || (long) users * factors > Integer.MAX_VALUE - 8 || (long) items * factors > Integer.MAX_VALUE - 8) {
            throw new ModelFileException(source + ": shape " + users + " users x " + items + " items x " + factors
                    + " factors is not one this library can hold");
        }
        long factorBytes = ((long) users + items) * factors * Float.BYTES;
        if (factorBytes > sizeLimit) {
            throw new ModelFileException(source + ": shape " + users + " users x " + items + " items x " + factors
                    + " factors needs " + factorBytes + " bytes of factors, but the file has " + sizeLimit + " bytes");
        }
        double regularization = r.readDouble("config.regularization");
        double nu = r.readDouble("config.regularizationExponent");
        double alpha = r.readDouble("config.alpha");
        double tolerance = r.readDouble("config.cgTolerance");
        int iterations = r.readInt("config.iterations");
        int cgSteps = r.readInt("config.cgSteps");
        int threads = r.readInt("config.threads");
        long seed = r.readLong("config.seed");
        String solverName = r.string("config.solver");
        boolean computeLoss = r.readBoolean("config.computeLoss");
        AlsConfig config;
        try {
            config = AlsConfig.builder().factors(factors).regularization(regularization).regularizationExponent(nu)
                    .alpha(alpha).cgTolerance(tolerance).iterations(iterations).cgSteps(cgSteps).threads(threads)
                    .seed(seed).solver(AlsSolver.valueOf(solverName)).computeLoss(computeLoss).build();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + ": invalid training configuration: " + e.getMessage());
        }
        int summaryIterations = r.count("summary.iterations");
        List<Double> seconds = new ArrayList<>(Math.min(summaryIterations, 1 << 16));
        for (int i = 0; i < summaryIterations; i++) {
            seconds.add(r.readDouble("summary.secondsPerIteration"));
        }
        double finalLoss = r.readDouble("summary.finalLoss");
        String kernels = r.string("summary.kernels");
        String libraryVersion = r.string("summary.libraryVersion");
        TrainingSummary summary = new TrainingSummary(summaryIterations, seconds, finalLoss, kernels, libraryVersion);
        IdIndex userIndex = r.index("user index", users);
        IdIndex itemIndex = r.index("item index", items);
        float[] x = r.floats(users * factors, "user factors");
        float[] y = r.floats(items * factors, "item factors");
        long expected = crc.getValue();
        long stored = new DataInputStream(buffered).readLong();
        if (stored != expected) {
            throw new ModelFileException(source + ": checksum mismatch (stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(expected) + "): the file is corrupted");
        }
        if (buffered.read() >= 0) {
            throw new ModelFileException(source + ": unexpected bytes after the checksum");
        }
        return AlsModel.of(x, y, factors, userIndex, itemIndex, config, summary);
    }

    private static void writeString(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    private static void writeIndex(DataOutputStream d, IdIndex index) throws IOException {
        if (index.isNumeric()) {
            d.writeByte(0);
            for (long id : index.longIds()) {
                d.writeLong(id);
            }
        } else {
            d.writeByte(1);
            for (String id : index.idsAsStrings()) {
                writeString(d, id);
            }
        }
    }

    private static void writeFloats(DataOutputStream d, float[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buf.capacity() / Float.BYTES;
        for (int off = 0; off < a.length; off += perChunk) {
            int len = Math.min(perChunk, a.length - off);
            buf.clear();
            buf.asFloatBuffer().put(a, off, len);
            d.write(buf.array(), 0, len * Float.BYTES);
        }
    }

    /** A read that may fail with an {@link IOException}. */
    @FunctionalInterface
    private interface IoRead<T> {
        T get() throws IOException;
    }

    /** Reads fields, turning a premature end of file into a message naming the field. */
    private static final class Reader {
        private final DataInputStream d;
        private final String source;

        Reader(DataInputStream d, String source) {
            this.d = d;
            this.source = source;
        }

        private ModelFileException truncated(String what) {
            return new ModelFileException(source + ": file ends inside " + what + " (truncated?)");
        }

        byte[] bytes(int n, String what) throws IOException {
            byte[] b = new byte[n];
            return field(what, () -> {
                d.readFully(b);
                return b;
            });
        }

        /** One read whose premature end of file becomes a message naming {@code what}. */
        private <T> T field(String what, IoRead<T> read) throws IOException {
            try {
                return read.get();
            } catch (EOFException e) {
                throw truncated(what);
            }
        }

        int readInt(String what) throws IOException {
            return field(what, d::readInt);
        }

        long readLong(String what) throws IOException {
            return field(what, d::readLong);
        }

        double readDouble(String what) throws IOException {
            return field(what, d::readDouble);
        }

        boolean readBoolean(String what) throws IOException {
            return field(what, d::readBoolean);
        }

        int count(String what) throws IOException {
            int v = readInt(what);
            if (v < 0) {
                throw new ModelFileException(source + ": " + what + " is " + v + ", expected a count >= 0");
            }
            return v;
        }

        String string(String what) throws IOException {
            int n = readInt(what);
            if (n < 0 || n > MAX_STRING_BYTES) {
                throw new ModelFileException(source + ": " + what + " has length " + n + ", expected 0 to " + MAX_STRING_BYTES);
            }
            return new String(bytes(n, what), StandardCharsets.UTF_8);
        }

        IdIndex index(String what, int size) throws IOException {
            int kind = field(what, d::readUnsignedByte);
            try {
                if (kind == 0) {
                    long[] ids = new long[size];
                    for (int i = 0; i < size; i++) {
                        ids[i] = readLong(what);
                    }
                    return IdIndex.ofLongs(ids);
                }
                if (kind == 1) {
                    String[] ids = new String[size];
                    for (int i = 0; i < size; i++) {
                        ids[i] = string(what);
                    }
                    return IdIndex.ofStrings(ids);
                }
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(source + ": " + what + ": " + e.getMessage());
            }
            throw new ModelFileException(source + ": " + what + " has kind " + kind + ", expected 0 (numeric) or 1 (text)");
        }

        float[] floats(int n, String what) throws IOException {
            float[] out = new float[n];
            byte[] chunk = new byte[1 << 16];
            ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
            int perChunk = chunk.length / Float.BYTES;
            for (int off = 0; off < n; off += perChunk) {
                int len = Math.min(perChunk, n - off);
                try {
                    d.readFully(chunk, 0, len * Float.BYTES);
                } catch (EOFException e) {
                    throw truncated(what);
                }
                buf.clear();
                buf.asFloatBuffer().get(out, off, len);
            }
            return out;
        }
    }
}
