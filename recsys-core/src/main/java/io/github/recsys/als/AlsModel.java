package io.github.recsys.als;

import io.github.recsys.data.IdIndex;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A trained implicit-ALS model: user factors ({@code userCount() x factors()}, row-major floats),
 * item factors ({@code itemCount() x factors()}), the {@link IdIndex}es of both sides, the
 * configuration and a {@link TrainingSummary}.
 *
 * <p>Immutable and thread-safe: arrays are copied in, and accessors return copies. The predicted
 * preference of user u for item i is the dot product {@link #score(int, int)}.
 */
public final class AlsModel {

    private final float[] userFactors;
    private final float[] itemFactors;
    private final int factors;
    private final IdIndex userIndex;
    private final IdIndex itemIndex;
    private final AlsConfig config;
    private final TrainingSummary summary;

    private AlsModel(float[] userFactors, float[] itemFactors, int factors, IdIndex userIndex, IdIndex itemIndex,
                     AlsConfig config, TrainingSummary summary) {
        Objects.requireNonNull(userFactors, "userFactors");
        Objects.requireNonNull(itemFactors, "itemFactors");
        this.userIndex = Objects.requireNonNull(userIndex, "userIndex");
        this.itemIndex = Objects.requireNonNull(itemIndex, "itemIndex");
        this.config = Objects.requireNonNull(config, "config");
        this.summary = Objects.requireNonNull(summary, "summary");
        if (factors <= 0) {
            throw new IllegalArgumentException("factors must be > 0, was " + factors);
        }
        if (factors != config.factors()) {
            throw new IllegalArgumentException("factors is " + factors + " but config.factors() is " + config.factors());
        }
        if (userFactors.length != (long) userIndex.size() * factors) {
            throw new IllegalArgumentException("user factors have " + userFactors.length + " floats, expected "
                    + userIndex.size() + " users x " + factors + " factors");
        }
        if (itemFactors.length != (long) itemIndex.size() * factors) {
            throw new IllegalArgumentException("item factors have " + itemFactors.length + " floats, expected "
                    + itemIndex.size() + " items x " + factors + " factors");
        }
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.factors = factors;
    }

    /**
     * A model from factor arrays (copied).
     *
     * @param userFactors users x factors, row-major
     * @param itemFactors items x factors, row-major
     * @param factors     rank, equal to {@code config.factors()}
     * @param userIndex   ids of the users (its size gives the user count)
     * @param itemIndex   ids of the items
     * @param config      configuration the factors were trained with
     * @param summary     training summary
     * @throws IllegalArgumentException when the shapes disagree
     */
    public static AlsModel of(float[] userFactors, float[] itemFactors, int factors, IdIndex userIndex,
                              IdIndex itemIndex, AlsConfig config, TrainingSummary summary) {
        return new AlsModel(userFactors.clone(), itemFactors.clone(), factors, userIndex, itemIndex, config, summary);
    }

    /** Takes ownership of the arrays (trainer use only). */
    static AlsModel wrap(float[] userFactors, float[] itemFactors, int factors, IdIndex userIndex,
                         IdIndex itemIndex, AlsConfig config, TrainingSummary summary) {
        return new AlsModel(userFactors, itemFactors, factors, userIndex, itemIndex, config, summary);
    }

    /** Number of users (rows of the user factors). */
    public int userCount() {
        return userIndex.size();
    }

    /** Number of items (rows of the item factors). */
    public int itemCount() {
        return itemIndex.size();
    }

    /** The rank k. */
    public int factors() {
        return factors;
    }

    /** Ids of the users. */
    public IdIndex userIndex() {
        return userIndex;
    }

    /** Ids of the items. */
    public IdIndex itemIndex() {
        return itemIndex;
    }

    /** The configuration used for training. */
    public AlsConfig config() {
        return config;
    }

    /** The training summary. */
    public TrainingSummary summary() {
        return summary;
    }

    /**
     * The predicted preference {@code x_user . y_item} (accumulated in double).
     *
     * @throws IndexOutOfBoundsException for an index out of range
     */
    public double score(int user, int item) {
        checkUser(user);
        checkItem(item);
        int uo = user * factors;
        int io = item * factors;
        double s = 0;
        for (int f = 0; f < factors; f++) {
            s += (double) userFactors[uo + f] * itemFactors[io + f];
        }
        return s;
    }

    /** The factors of {@code user} (a copy of length {@link #factors()}). */
    public float[] userVector(int user) {
        checkUser(user);
        float[] v = new float[factors];
        System.arraycopy(userFactors, user * factors, v, 0, factors);
        return v;
    }

    /** The factors of {@code item} (a copy of length {@link #factors()}). */
    public float[] itemVector(int item) {
        checkItem(item);
        float[] v = new float[factors];
        System.arraycopy(itemFactors, item * factors, v, 0, factors);
        return v;
    }

    /** All user factors, users x factors row-major (a copy). */
    public float[] userFactors() {
        return userFactors.clone();
    }

    /** All item factors, items x factors row-major (a copy). */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    /** The internal user factor array, not copied: callers in this package must not modify it. */
    float[] userFactorsRaw() {
        return userFactors;
    }

    /** The internal item factor array, not copied: callers in this package must not modify it. */
    float[] itemFactorsRaw() {
        return itemFactors;
    }

    /**
     * Lower-case hex SHA-256 over the user factors then the item factors, each float written as its
     * IEEE-754 bits ({@link Float#floatToRawIntBits}) in little-endian byte order. Equal hashes mean
     * bit-identical factors.
     */
    public String factorsSha256() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] a : new float[][] {userFactors, itemFactors}) {
            for (float v : a) {
                if (buf.remaining() < 4) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putInt(Float.floatToRawIntBits(v));
            }
        }
        md.update(buf.array(), 0, buf.position());
        StringBuilder sb = new StringBuilder(64);
        for (byte b : md.digest()) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private void checkUser(int user) {
        if (user < 0 || user >= userCount()) {
            throw new IndexOutOfBoundsException("user index " + user + " out of range [0, " + userCount() + ")");
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= itemCount()) {
            throw new IndexOutOfBoundsException("item index " + item + " out of range [0, " + itemCount() + ")");
        }
    }

    @Override
    public String toString() {
        return "AlsModel[" + userCount() + " users x " + itemCount() + " items, factors=" + factors + "]";
    }
}
