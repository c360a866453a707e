package io.github.recsys.io.csv;

import io.github.recsys.data.EventWeights;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionLog;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Streams a delimited interaction file into an {@link InteractionLog}: one line per interaction with
 * a user id, an item id and optionally a value (rating, count), an event type and a timestamp.
 *
 * <p><b>Format.</b> Fields are separated by a {@link Delimiter} (detected from the first non-blank
 * line by default). Lines end in {@code \n} or {@code \r\n}; blank lines are ignored; text is UTF-8
 * (a leading byte order mark is skipped).
 * Gzip input is recognised by its magic bytes, whatever the file name. Columns are chosen by 0-based
 * position or, when the file has a header, by name (case-insensitive). Defaults: user = column 0,
 * item = column 1, no event column; the value column is, with a header, the first column named value,
 * rating, count, weight, score, plays, playcount or quantity, else column 2 when the first line has it
 * and no other role claimed it, else none (every line has value 1); the timestamp column likewise
 * (names timestamp, time, ts, datetime, epoch; column 3).
 * The header is detected when not specified: the first non-blank line is a header when its value or
 * timestamp field is not a number and its user and item fields are not both numbers (so a malformed
 * first data line is reported, not taken for a header); a file with neither a value nor a timestamp
 * column needs {@link Builder#header(boolean)}.
 *
 * <p><b>Fields.</b> Ids are decimal longs, or strings as soon as one id is not a canonical decimal
 * long ({@link IdType#AUTO}; the switch keeps indices). Values must be finite and {@code >= 0};
 * timestamps are integers (units are the caller's). With an event column, each line's value is
 * {@code weight(event) * value} (value 1 without a value column); an unknown event type is an error.
 * Duplicate (user, item) lines are kept as separate entries (see {@link InteractionLog#toMatrix()}).
 *
 * <p><b>Errors.</b> In strict mode (the default) the first bad line throws an
 * {@link InteractionFormatException} naming file, line, field and what was expected, e.g.
 * {@code u.data:17: field 3 (value): expected a finite number >= 0, was 'abc'}. In lenient mode bad
 * lines are skipped and counted in {@link ReadResult#skippedLines()} with the first few messages in
 * {@link ReadResult#problems()}. An input without data lines is an error in both modes.
 *
 * <p><b>Speed.</b> Bytes are scanned in a 64 KiB buffer by a hand-written splitter; numbers and numeric
 * ids are parsed straight from the bytes (no regex, no per-field strings except for string ids and
 * event types outside the fast path); columns go into growable primitive arrays.
 *
 * <p>Instances are immutable and thread-safe (each {@code read} has its own state).
 */
public final class InteractionReader {

    /** How ids are interpreted. */
    public enum IdType {
        /** Numeric while every id is a canonical decimal long, strings from the first one that is not. */
        AUTO,
        /** Decimal longs only; anything else is a format error. */
        LONG,
        /** Always strings (so "007" and "7" stay different ids). */
        STRING
    }

    private static final int MODE_NONE = 0;
    private static final int MODE_AUTO = 1;
    private static final int MODE_INDEX = 2;
    private static final int MODE_NAME = 3;

    /** Which column plays a role: none, auto, a 0-based position or a header name. */
    private record Column(int mode, int index, String name) {
        static final Column NONE = new Column(MODE_NONE, -1, null);
        static final Column AUTO = new Column(MODE_AUTO, -1, null);

        static Column at(int index, String role) {
            if (index < 0) {
                throw new IllegalArgumentException(role + " column must be >= 0 (0-based), was " + index);
            }
            return new Column(MODE_INDEX, index, null);
        }

        static Column named(String name, String role) {
            Objects.requireNonNull(name, role + " column name");
            if (name.isBlank()) {
                throw new IllegalArgumentException(role + " column name must not be blank");
            }
            return new Column(MODE_NAME, -1, name.trim());
        }

        @Override
        public String toString() {
            return mode == MODE_INDEX ? Integer.toString(index) : mode == MODE_NAME ? "'" + name + "'"
                    : mode == MODE_AUTO ? "auto" : "none";
        }
    }

    private final Delimiter delimiter;
    private final Boolean header;
    private final Column user;
    private final Column item;
    private final Column value;
    private final Column timestamp;
    private final Column event;
    private final EventWeights eventWeights;
    private final boolean strict;
    private final int maxProblems;
    private final IdType idType;

    private InteractionReader(Builder b) {
        this.delimiter = b.delimiter;
        this.user = b.user;
        this.item = b.item;
        this.value = b.value;
        this.timestamp = b.timestamp;
        this.event = b.event;
        this.eventWeights = b.eventWeights;
        this.strict = b.strict;
        this.maxProblems = b.maxProblems;
        this.idType = b.idType;
        boolean byName = user.mode == MODE_NAME || item.mode == MODE_NAME || value.mode == MODE_NAME
                || timestamp.mode == MODE_NAME || event.mode == MODE_NAME;
        if (byName && Boolean.FALSE.equals(b.header)) {
            throw new IllegalArgumentException("columns chosen by name need a header, but header(false) was set");
        }
        this.header = byName ? Boolean.TRUE : b.header;
        if (event.mode != MODE_NONE && eventWeights == null) {
            throw new IllegalArgumentException("an event column needs event weights");
        }
    }

    /** A builder with the defaults described on this class (strict, auto delimiter, auto header). */
    public static Builder builder() {
        return new Builder();
    }

    /** A strict reader with every default. */
    public static InteractionReader defaults() {
        return new Builder().build();
    }

    /**
     * Reads a file (gzip-compressed or not).
     *
     * @throws InteractionFormatException for a malformed line (strict mode) or a file without data
     * @throws IOException                when the file cannot be read
     */
    public ReadResult read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads a stream (gzip-compressed or not); the stream is not closed.
     *
     * @param source name used in error messages (e.g. the file name)
     */
    public ReadResult read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = b0 < 0 ? -1 : buffered.read();
        buffered.reset();
        InputStream data = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        return new Parse(source).run(data);
    }

    @Override
    public String toString() {
        return "InteractionReader[delimiter=" + delimiter + ", header=" + (header == null ? "auto" : header)
                + ", user=" + user + ", item=" + item + ", value=" + value + ", timestamp=" + timestamp
                + ", event=" + event + ", strict=" + strict + ", ids=" + idType + "]";
    }

    /** The state of one read. */
    private final class Parse {
        private final String source;
        private Delimiter delim;
        private int sep = -1;
        private boolean headerSeen;
        private boolean started;
        private int userCol;
        private int itemCol;
        private int valueCol = -1;
        private int tsCol = -1;
        private int eventCol = -1;
        private int maxCol;
        private byte[][] eventNames;
        private float[] eventValues;
        private String eventList;
        private float defaultEventWeight = Float.NaN;

        private int[] fs = new int[16];
        private int[] fe = new int[16];
        private boolean[] fq = new boolean[16]; // quoted with "" escapes inside

        private IdIndex.Builder users;
        private IdIndex.Builder items;
        private final DenseIds userDense = new DenseIds();
        private final DenseIds itemDense = new DenseIds();
        private boolean usersNumeric;
        private boolean itemsNumeric;
        private final IntArrayList userList = new IntArrayList(1 << 12);
        private final IntArrayList itemList = new IntArrayList(1 << 12);
        private final FloatArrayList valueList = new FloatArrayList(1 << 12);
        private LongArrayList tsList;

        private long lines;
        private long skipped;
        private final List<String> problems = new ArrayList<>();

        // results of the number parsers
        private long parsedLong;
        private double parsedDouble;

        Parse(String source) {
            this.source = source;
            boolean numeric = idType != IdType.STRING;
            users = numeric ? IdIndex.longBuilder() : IdIndex.stringBuilder();
            items = numeric ? IdIndex.longBuilder() : IdIndex.stringBuilder();
            usersNumeric = numeric;
            itemsNumeric = numeric;
        }

        ReadResult run(InputStream in) throws IOException {
            byte[] buf = new byte[1 << 16];
            int len = 0;
            int pos = 0;
            int scan = 0;
            boolean eof = false;
            boolean bomChecked = false;
            while (true) {
                if (!bomChecked && (len >= 3 || eof)) {
                    bomChecked = true;
                    if (len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                        pos = 3; // UTF-8 byte order mark
                        scan = 3;
                    }
                }
                int nl = -1;
                for (int p = scan; p < len; p++) {
                    if (buf[p] == '\n') {
                        nl = p;
                        break;
                    }
                }
                if (nl < 0) {
                    scan = len;
                    if (eof) {
                        if (pos < len) {
                            line(buf, pos, len);
                        }
                        break;
                    }
                    if (pos > 0) {
                        System.arraycopy(buf, pos, buf, 0, len - pos);
                        len -= pos;
                        scan -= pos;
                        pos = 0;
                    }
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        eof = true;
                    } else {
                        len += r;
                    }
                    continue;
                }
                int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                line(buf, pos, end);
                pos = nl + 1;
                scan = pos;
            }
            return finish();
        }

        private ReadResult finish() throws InteractionFormatException {
            int n = userList.size();
            if (n == 0) {
                if (!started) {
                    throw new InteractionFormatException(source, 0, 0, null,
                            "empty file: expected lines like 'user<TAB>item[<TAB>value[<TAB>timestamp]]'");
                }
                if (skipped > 0) {
                    throw new InteractionFormatException(source, 0, 0, null, "no valid lines: " + skipped
                            + " skipped, first problem: " + problems.get(0));
                }
                throw new InteractionFormatException(source, 0, 0, null, "no data lines after the header");
            }
            InteractionLog log = InteractionLog.of(userList.elements(), itemList.elements(), valueList.elements(),
                    tsList == null ? null : tsList.elements(), n, users.build(), items.build());
            return new ReadResult(log, source, lines, skipped, problems, delim, headerSeen);
        }

        private void line(byte[] b, int from, int to) throws InteractionFormatException {
            lines++;
            int p = from;
            while (p < to && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p == to) {
                return; // blank
            }
            if (!started) {
                started = true;
                if (first(b, from, to)) {
                    return; // header consumed
                }
            }
            try {
                data(b, from, to);
            } catch (InteractionFormatException e) {
                if (strict) {
                    throw e;
                }
                skipped++;
                if (problems.size() < maxProblems) {
                    problems.add(e.getMessage());
                }
            }
        }

        /** Sets up delimiter, header and columns from the first non-blank line; true when it is a header. */
        private boolean first(byte[] b, int from, int to) throws InteractionFormatException {
            delim = delimiter == Delimiter.AUTO ? detect(b, from, to) : delimiter;
            sep = delim.singleByte();
            int nf = split(b, from, to);
            boolean isHeader;
            if (header != null) {
                isHeader = header;
            } else {
                int vc = candidate(value, 2, nf);
                int tc = candidate(timestamp, 3, nf);
                boolean textInNumericColumn = (vc >= 0 && vc < nf && !isNumber(b, fs[vc], fe[vc]))
                        || (tc >= 0 && tc < nf && !isNumber(b, fs[tc], fe[tc]));
                int uc = user.mode == MODE_INDEX ? user.index : -1;
                int ic = item.mode == MODE_INDEX ? item.index : -1;
                boolean numericIds = uc >= 0 && uc < nf && isNumber(b, fs[uc], fe[uc])
                        && ic >= 0 && ic < nf && isNumber(b, fs[ic], fe[ic]);
                isHeader = textInNumericColumn && !numericIds;
            }
            String[] names = null;
            if (isHeader) {
                names = new String[nf];
                for (int f = 0; f < nf; f++) {
                    names[f] = text(b, f).trim();
                }
            }
            userCol = resolve(user, 0, nf, names, "user");
            itemCol = resolve(item, 1, nf, names, "item");
            eventCol = resolve(event, -1, nf, names, "event");
            valueCol = value.mode == MODE_AUTO ? -1 : resolve(value, 2, nf, names, "value");
            tsCol = timestamp.mode == MODE_AUTO ? -1 : resolve(timestamp, 3, nf, names, "timestamp");
            if (value.mode == MODE_AUTO) {
                valueCol = autoColumn(2, nf, names, VALUE_NAMES);
            }
            if (timestamp.mode == MODE_AUTO) {
                tsCol = autoColumn(3, nf, names, TIME_NAMES);
            }
            maxCol = Math.max(Math.max(userCol, itemCol), Math.max(valueCol, Math.max(tsCol, eventCol)));
            if (tsCol >= 0) {
                tsList = new LongArrayList(1 << 12);
            }
            if (eventCol >= 0) {
                Map<String, Double> w = new TreeMap<>(eventWeights.weights());
                eventNames = new byte[w.size()][];
                eventValues = new float[w.size()];
                int j = 0;
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<String, Double> e : w.entrySet()) {
                    eventNames[j] = e.getKey().getBytes(StandardCharsets.UTF_8);
                    eventValues[j++] = e.getValue().floatValue();
                    sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey());
                }
                eventList = sb.toString();
                defaultEventWeight = eventWeights.hasDefault() ? (float) eventWeights.defaultWeight() : Float.NaN;
            }
            headerSeen = isHeader;
            return isHeader;
        }

        /**
         * An auto column: with a header, the first column with one of {@code names}; else (or when none
         * matches) position {@code index} when the line has it and no other column claimed it; else -1.
         */
        private int autoColumn(int index, int nf, String[] header, String[] names) {
            if (header != null) {
                for (int f = 0; f < header.length; f++) {
                    for (String n : names) {
                        if (header[f].equalsIgnoreCase(n) && !taken(f)) {
                            return f;
                        }
                    }
                }
            }
            return index < nf && !taken(index) ? index : -1;
        }

        private boolean taken(int col) {
            return col == userCol || col == itemCol || col == eventCol || col == valueCol || col == tsCol;
        }

        private int candidate(Column c, int autoIndex, int nf) {
            if (c.mode == MODE_INDEX) {
                return c.index;
            }
            if (c.mode == MODE_AUTO) {
                return nf > autoIndex ? autoIndex : -1;
            }
            return -1;
        }

        private int resolve(Column c, int autoIndex, int nf, String[] names, String role)
                throws InteractionFormatException {
            switch (c.mode) {
                case MODE_NONE:
                    return -1;
                case MODE_AUTO:
                    return nf > autoIndex ? autoIndex : -1;
                case MODE_INDEX:
                    return c.index;
                default:
                    for (int f = 0; f < names.length; f++) {
                        if (names[f].equalsIgnoreCase(c.name)) {
                            return f;
                        }
                    }
                    throw new InteractionFormatException(source, lines, 0, role,
                            "header has no column '" + c.name + "' for the " + role + "; columns are " + Arrays.toString(names));
            }
        }

        private Delimiter detect(byte[] b, int from, int to) {
            boolean tab = false;
            boolean comma = false;
            boolean semi = false;
            boolean pipe = false;
            for (int p = from; p < to; p++) {
                byte c = b[p];
                if (c == ':' && p + 1 < to && b[p + 1] == ':') {
                    return Delimiter.DOUBLE_COLON;
                }
                tab |= c == '\t';
                comma |= c == ',';
                semi |= c == ';';
                pipe |= c == '|';
            }
            return tab ? Delimiter.TAB : comma ? Delimiter.COMMA : semi ? Delimiter.SEMICOLON
                    : pipe ? Delimiter.PIPE : Delimiter.WHITESPACE;
        }

        private void ensureFields(int n) {
            if (n >= fs.length) {
                fs = Arrays.copyOf(fs, fs.length * 2);
                fe = Arrays.copyOf(fe, fe.length * 2);
                fq = Arrays.copyOf(fq, fq.length * 2);
            }
        }

        /** Splits [from, to) into fields fs/fe (trimmed of spaces); returns the field count. */
        private int split(byte[] b, int from, int to) throws InteractionFormatException {
            int n = 0;
            if (sep >= 0) {
                byte s = (byte) sep;
                int p = from;
                while (true) {
                    ensureFields(n);
                    while (p < to && b[p] == ' ') {
                        p++;
                    }
                    if (p < to && b[p] == '"') {
                        // quoted field: up to the closing quote; "" is an escaped quote
                        int q = p + 1;
                        boolean escapes = false;
                        while (true) {
                            if (q >= to) {
                                throw new InteractionFormatException(source, lines, n + 1, null,
                                        "unterminated quoted field");
                            }
                            if (b[q] == '"') {
                                if (q + 1 < to && b[q + 1] == '"') {
                                    escapes = true;
                                    q += 2;
                                    continue;
                                }
                                break;
                            }
                            q++;
                        }
                        fs[n] = p + 1;
                        fe[n] = q;
                        fq[n] = escapes;
                        n++;
                        p = q + 1;
                        while (p < to && b[p] == ' ') {
                            p++;
                        }
                        if (p == to) {
                            return n;
                        }
                        if (b[p] != s) {
                            throw new InteractionFormatException(source, lines, n, null,
                                    "expected a delimiter after the closing quote");
                        }
                        p++;
                        continue;
                    }
                    int start = p;
                    while (p < to && b[p] != s) {
                        p++;
                    }
                    int end = p;
                    while (end > start && b[end - 1] == ' ') {
                        end--;
                    }
                    fs[n] = start;
                    fe[n] = end;
                    fq[n] = false;
                    n++;
                    if (p == to) {
                        return n;
                    }
                    p++; // skip separator
                }
            }
            if (delim == Delimiter.WHITESPACE) {
                int p = from;
                while (true) {
                    while (p < to && (b[p] == ' ' || b[p] == '\t')) {
                        p++;
                    }
                    if (p == to) {
                        return n;
                    }
                    ensureFields(n);
                    int start = p;
                    while (p < to && b[p] != ' ' && b[p] != '\t') {
                        p++;
                    }
                    fs[n] = start;
                    fe[n] = p;
                    fq[n] = false;
                    n++;
                }
            }
            // DOUBLE_COLON
            int p = from;
            int start = from;
            while (true) {
                if (p >= to) {
                    ensureFields(n);
                    fs[n] = start;
                    fe[n] = to;
                    fq[n] = false;
                    return n + 1;
                }
                if (b[p] == ':' && p + 1 < to && b[p + 1] == ':') {
                    ensureFields(n);
                    fs[n] = start;
                    fe[n] = p;
                    fq[n] = false;
                    n++;
                    p += 2;
                    start = p;
                } else {
                    p++;
                }
            }
        }

        private void data(byte[] b, int from, int to) throws InteractionFormatException {
            int nf = split(b, from, to);
            if (nf <= maxCol) {
                int missing = maxCol;
                String role = roleOf(missing);
                for (int c : new int[] {userCol, itemCol, valueCol, tsCol, eventCol}) {
                    if (c >= nf && c < missing) {
                        missing = c;
                        role = roleOf(c);
                    }
                }
                throw error(missing, role, "missing: expected at least " + (maxCol + 1) + " fields, the line has " + nf);
            }
            // values first, ids last: a rejected line adds no id
            float v = 1f;
            if (valueCol >= 0) {
                if (!parseDouble(b, fs[valueCol], fe[valueCol]) || !(parsedDouble >= 0) || parsedDouble > Float.MAX_VALUE) {
                    throw error(valueCol, "value", "expected a finite number >= 0, was '" + text(b, valueCol) + "'");
                }
                v = (float) parsedDouble;
            }
            if (eventCol >= 0) {
                int e = eventIndex(b, fs[eventCol], fe[eventCol]);
                float w;
                if (e >= 0) {
                    w = eventValues[e];
                } else if (!Float.isNaN(defaultEventWeight)) {
                    w = defaultEventWeight;
                } else {
                    throw error(eventCol, "event", "expected one of " + eventList + ", was '" + text(b, eventCol) + "'");
                }
                float weighted = v * w;
                if (weighted == Float.POSITIVE_INFINITY) {
                    throw error(eventCol, "event", "weight times value overflows float: " + w + " x " + v);
                }
                v = weighted;
            }
            long ts = 0;
            if (tsCol >= 0) {
                if (!parseLong(b, fs[tsCol], fe[tsCol], false)) {
                    throw error(tsCol, "timestamp", "expected an integer timestamp, was '" + text(b, tsCol) + "'");
                }
                ts = parsedLong;
            }
            checkIdPresent(b, userCol, "user");
            checkIdPresent(b, itemCol, "item");
            long uNum = 0;
            long iNum = 0;
            boolean uIsNum = usersNumeric && parseLong(b, fs[userCol], fe[userCol], true);
            uNum = parsedLong;
            if (usersNumeric && !uIsNum && idType == IdType.LONG) {
                throw error(userCol, "user", "expected an integer id, was '" + text(b, userCol) + "'");
            }
            boolean iIsNum = itemsNumeric && parseLong(b, fs[itemCol], fe[itemCol], true);
            iNum = parsedLong;
            if (itemsNumeric && !iIsNum && idType == IdType.LONG) {
                throw error(itemCol, "item", "expected an integer id, was '" + text(b, itemCol) + "'");
            }
            // commit
            int u;
            if (uIsNum) {
                u = userDense.indexOf(uNum, users);
            } else {
                if (usersNumeric) {
                    users = toStrings(users);
                    usersNumeric = false;
                }
                u = users.add(text(b, userCol));
            }
            int i;
            if (iIsNum) {
                i = itemDense.indexOf(iNum, items);
            } else {
                if (itemsNumeric) {
                    items = toStrings(items);
                    itemsNumeric = false;
                }
                i = items.add(text(b, itemCol));
            }
            userList.add(u);
            itemList.add(i);
            valueList.add(v);
            if (tsList != null) {
                tsList.add(ts);
            }
        }

        private void checkIdPresent(byte[] b, int col, String role) throws InteractionFormatException {
            if (fe[col] == fs[col]) {
                throw error(col, role, "expected an id, was empty");
            }
        }

        private IdIndex.Builder toStrings(IdIndex.Builder numeric) {
            IdIndex.Builder s = IdIndex.stringBuilder();
            for (String id : numeric.build().idsAsStrings()) {
                s.add(id);
            }
            return s;
        }

        private String roleOf(int col) {
            if (col == userCol) {
                return "user";
            }
            if (col == itemCol) {
                return "item";
            }
            if (col == valueCol) {
                return "value";
            }
            if (col == tsCol) {
                return "timestamp";
            }
            return "event";
        }

        private InteractionFormatException error(int col, String role, String problem) {
            return new InteractionFormatException(source, lines, col + 1, role, problem);
        }

        private int eventIndex(byte[] b, int from, int to) {
            int len = to - from;
            outer:
            for (int e = 0; e < eventNames.length; e++) {
                byte[] name = eventNames[e];
                if (name.length != len) {
                    continue;
                }
                for (int j = 0; j < len; j++) {
                    if (name[j] != b[from + j]) {
                        continue outer;
                    }
                }
                return e;
            }
            return -1;
        }

        /** Field text (UTF-8), with "" unescaped in quoted fields; at most 200 characters for messages. */
        private String text(byte[] b, int f) {
            String s = new String(b, fs[f], fe[f] - fs[f], StandardCharsets.UTF_8);
            return fq[f] ? s.replace("\"\"", "\"") : s;
        }

        private boolean isNumber(byte[] b, int from, int to) {
            return parseDouble(b, from, to);
        }

        /**
         * Parses a decimal integer into {@link #parsedLong}. With {@code canonical}, only the form
         * {@link Long#toString(long)} produces is accepted (no '+', no leading zeros, no "-0"), so that
         * numeric ids print back unchanged.
         */
        private boolean parseLong(byte[] b, int from, int to, boolean canonical) {
            int p = from;
            boolean neg = false;
            if (p < to && (b[p] == '-' || b[p] == '+')) {
                if (canonical && b[p] == '+') {
                    return false;
                }
                neg = b[p] == '-';
                p++;
            }
            int digits = to - p;
            if (digits <= 0) {
                return false;
            }
            if (canonical && b[p] == '0' && (digits > 1 || neg)) {
                return false;
            }
            if (digits <= 18) {
                long v = 0;
                for (; p < to; p++) {
                    int d = b[p] - '0';
                    if (d < 0 || d > 9) {
                        return false;
                    }
                    v = v * 10 + d;
                }
                parsedLong = neg ? -v : v;
                return true;
            }
            try {
                parsedLong = Long.parseLong(new String(b, from, to - from, StandardCharsets.US_ASCII));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** Parses a decimal number into {@link #parsedDouble}; false when it is not one (NaN counts as a number). */
        private boolean parseDouble(byte[] b, int from, int to) {
            int p = from;
            boolean neg = false;
            if (p < to && (b[p] == '-' || b[p] == '+')) {
                neg = b[p] == '-';
                p++;
            }
            long mant = 0;
            int digits = 0;
            int frac = -1;
            boolean simple = p < to;
            for (; p < to; p++) {
                int d = b[p] - '0';
                if (d >= 0 && d <= 9) {
                    mant = mant * 10 + d;
                    digits++;
                    if (frac >= 0) {
                        frac++;
                    }
                } else if (b[p] == '.' && frac < 0) {
                    frac = 0;
                } else {
                    simple = false;
                    break;
                }
            }
            if (simple && digits > 0 && digits <= 15) {
                double v = mant;
                if (frac > 0) {
                    v /= POW10[frac];
                }
                parsedDouble = neg ? -v : v;
                return true;
            }
            int len = to - from;
            if (len == 0 || len > 100) {
                return false;
            }
            // rejects Java's type suffixes and hex forms, which Double.parseDouble would accept
            byte last = b[to - 1];
            if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
                return false;
            }
            for (int q = from; q < to; q++) {
                if (b[q] == 'x' || b[q] == 'X') {
                    return false;
                }
            }
            try {
                parsedDouble = Double.parseDouble(new String(b, from, len, StandardCharsets.US_ASCII));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /**
     * A direct-addressed cache in front of a numeric {@link IdIndex.Builder} for small non-negative ids
     * (below {@value #LIMIT}): one array read instead of a hash probe on the common path. The builder
     * still assigns every index, so indices are the same with or without the cache.
     */
    private static final class DenseIds {
        static final int LIMIT = 1 << 22;
        private int[] slots = new int[0]; // index + 1, 0 = not cached

        int indexOf(long id, IdIndex.Builder builder) {
            if (id < 0 || id >= LIMIT) {
                return builder.add(id);
            }
            int k = (int) id;
            if (k < slots.length) {
                int v = slots[k];
                if (v != 0) {
                    return v - 1;
                }
            } else {
                slots = Arrays.copyOf(slots, Math.min(LIMIT, Math.max(k + 1, 2 * slots.length)));
            }
            int idx = builder.add(id);
            slots[k] = idx + 1;
            return idx;
        }
    }

    /** Header names an auto value column is recognised by. */
    private static final String[] VALUE_NAMES = {"value", "rating", "count", "weight", "score", "plays", "playcount", "quantity"};
    /** Header names an auto timestamp column is recognised by. */
    private static final String[] TIME_NAMES = {"timestamp", "time", "ts", "datetime", "epoch"};

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Builder for {@link InteractionReader}; not thread-safe. */
    public static final class Builder {
        private Delimiter delimiter = Delimiter.AUTO;
        private Boolean header;
        private Column user = Column.at(0, "user");
        private Column item = Column.at(1, "item");
        private Column value = Column.AUTO;
        private Column timestamp = Column.AUTO;
        private Column event = Column.NONE;
        private EventWeights eventWeights;
        private boolean strict = true;
        private int maxProblems = 5;
        private IdType idType = IdType.AUTO;

        private Builder() {
        }

        /** The delimiter (default {@link Delimiter#AUTO}). */
        public Builder delimiter(Delimiter d) {
            this.delimiter = Objects.requireNonNull(d, "delimiter");
            return this;
        }

        /** Whether the first non-blank line is a header (default: detected; forced true when a column is chosen by name). */
        public Builder header(boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        /** The user id column, 0-based (default 0). */
        public Builder userColumn(int index) {
            this.user = Column.at(index, "user");
            return this;
        }

        /** The user id column by header name. */
        public Builder userColumn(String name) {
            this.user = Column.named(name, "user");
            return this;
        }

        /** The item id column, 0-based (default 1). */
        public Builder itemColumn(int index) {
            this.item = Column.at(index, "item");
            return this;
        }

        /** The item id column by header name. */
        public Builder itemColumn(String name) {
            this.item = Column.named(name, "item");
            return this;
        }

        /** The value column, 0-based (default: 2 when the first line has more than 2 fields). */
        public Builder valueColumn(int index) {
            this.value = Column.at(index, "value");
            return this;
        }

        /** The value column by header name. */
        public Builder valueColumn(String name) {
            this.value = Column.named(name, "value");
            return this;
        }

        /** No value column: every line has value 1 (times its event weight). */
        public Builder noValueColumn() {
            this.value = Column.NONE;
            return this;
        }

        /** The timestamp column, 0-based (default: 3 when the first line has more than 3 fields). */
        public Builder timestampColumn(int index) {
            this.timestamp = Column.at(index, "timestamp");
            return this;
        }

        /** The timestamp column by header name. */
        public Builder timestampColumn(String name) {
            this.timestamp = Column.named(name, "timestamp");
            return this;
        }

        /** No timestamp column. */
        public Builder noTimestampColumn() {
            this.timestamp = Column.NONE;
            return this;
        }

        /**
         * An event-type column, 0-based, and the weight of each event type; a line's value becomes
         * {@code weight(event) * value}. A type not in {@code weights} gets its default weight, or is a
         * format error when there is none.
         */
        public Builder eventColumn(int index, EventWeights weights) {
            this.event = Column.at(index, "event");
            this.eventWeights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /** An event-type column by header name, with the weight of each event type. */
        public Builder eventColumn(String name, EventWeights weights) {
            this.event = Column.named(name, "event");
            this.eventWeights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /** Strict (default true): the first bad line throws. False: bad lines are skipped and counted. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Same as {@code strict(false)}. */
        public Builder lenient() {
            return strict(false);
        }

        /** How many skipped lines' messages a lenient read keeps (default 5), {@code >= 0}. */
        public Builder maxProblems(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxProblems must be >= 0, was " + n);
            }
            this.maxProblems = n;
            return this;
        }

        /** How ids are interpreted (default {@link IdType#AUTO}). */
        public Builder idType(IdType type) {
            this.idType = Objects.requireNonNull(type, "idType");
            return this;
        }

        /** The reader. */
        public InteractionReader build() {
            return new InteractionReader(this);
        }
    }
}
