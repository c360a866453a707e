package io.github.recsys.examples.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Minimal {@code --name value} / {@code --flag} parser. Every option a command reads is marked as
 * known; {@link #finish()} rejects any option that was given but never read.
 */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    /** Parses {@code --key value}, {@code --key=value}, or {@code --flag} (value "true" when followed by another option or nothing). */
    public Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "': expected --option [value]");
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length && !(args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (values.put(key, value) != null) {
                throw new UsageException("option --" + key + " given twice");
            }
        }
    }

    /** True when the option was given. */
    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    /** The option's value, or {@code def} when absent. */
    public String get(String key, String def) {
        read.add(key);
        return values.getOrDefault(key, def);
    }

    /** The option's value; a {@link UsageException} when absent. */
    public String require(String key) {
        read.add(key);
        String v = values.get(key);
        if (v == null) {
            throw new UsageException("missing required option --" + key);
        }
        return v;
    }

    /** The option as an int, or {@code def}. */
    public int getInt(String key, int def) {
        String v = get(key, null);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects an integer, was '" + v + "'");
        }
    }

    /** The option as a long, or {@code def}. */
    public long getLong(String key, long def) {
        String v = get(key, null);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects an integer, was '" + v + "'");
        }
    }

    /** The option as a double, or {@code def}. */
    public double getDouble(String key, double def) {
        String v = get(key, null);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects a number, was '" + v + "'");
        }
    }

    /** A boolean flag: true when given without value or with "true". */
    public boolean flag(String key) {
        String v = get(key, "false");
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new UsageException("--" + key + " is a flag (true/false), was '" + v + "'");
    }

    /** Rejects options that were given but never read by the command. */
    public void finish() {
        for (String k : values.keySet()) {
            if (!read.contains(k)) {
                throw new UsageException("unknown option --" + k);
            }
        }
    }
}
