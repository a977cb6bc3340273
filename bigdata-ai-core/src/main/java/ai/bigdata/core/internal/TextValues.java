package ai.bigdata.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses values out of UTF-8 bytes without creating strings on the fast paths. Every parser either
 * returns a value or throws {@link NumberFormatException} / {@link IllegalArgumentException} with a
 * reason; none ever yields NaN.
 */
public final class TextValues {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final float[] POW10F = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private TextValues() {
    }

    /** Parses a decimal integer (optional sign, surrounding spaces allowed). */
    public static long parseLong(byte[] b, int s, int e) {
        if (s < e && (b[s] == ' ' || b[e - 1] == ' ')) {
            while (s < e && b[s] == ' ') {
                s++;
            }
            while (e > s && b[e - 1] == ' ') {
                e--;
            }
        }
        if (s == e) {
            throw new NumberFormatException("empty");
        }
        boolean neg = b[s] == '-';
        int i = neg || b[s] == '+' ? s + 1 : s;
        if (i == e) {
            throw new NumberFormatException("a sign without digits");
        }
        if (e - i > 18) {
            // 19 or more digits may overflow: let the JDK check the range
            try {
                return Long.parseLong(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
            } catch (NumberFormatException ex) {
                for (int k = i; k < e; k++) {
                    if (b[k] < '0' || b[k] > '9') {
                        throw new NumberFormatException("not an integer");
                    }
                }
                throw new NumberFormatException("integer out of the int64 range");
            }
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not an integer");
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /**
     * Parses a decimal number: digits with an optional point and exponent, or an infinity literal
     * ({@code Infinity}, {@code inf}, signed), which it returns as an infinity for the caller to refuse.
     * A finite literal beyond the float64 range (1e309) is refused here. Exact (correctly rounded) on
     * the fast path and in the fallback to {@link Double#parseDouble}.
     */
    public static double parseDouble(byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (s == e) {
            throw new NumberFormatException("empty");
        }
        int i = s;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        long m = 0;
        int nd = 0;
        int frac = 0;
        boolean point = false;
        boolean ok = true;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (nd >= 18) {
                    ok = false;
                    break;
                }
                m = m * 10 + (c - '0');
                nd++;
                if (point) {
                    frac++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                ok = false;
                break;
            }
        }
        if (ok && nd > 0 && m < (1L << 53) && frac <= 22) {
            double v = frac == 0 ? (double) m : m / POW10[frac];
            return neg ? -v : v;
        }
        return slowDouble(b, s, e);
    }

    private static double slowDouble(byte[] b, int s, int e) {
        String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        if (t.equals("Infinity") || t.equals("+Infinity") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-Infinity") || t.equalsIgnoreCase("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new NumberFormatException("not a number");
            }
        }
        if (!digit) {
            throw new NumberFormatException("not a number");
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw new NumberFormatException("a number too large for float64 (largest magnitude " + Double.MAX_VALUE + ")");
        }
        return v;
    }

    /**
     * Parses a float32 value, correctly rounded (not via a double, which could round twice). A finite
     * literal beyond the float32 range (1e39) is refused; infinity literals are returned as infinities.
     */
    public static float parseFloat(byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        int m = 0;
        int frac = 0;
        boolean point = false;
        boolean any = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                int next = m * 10 + (c - '0');
                if (next > (1 << 24)) {
                    break;
                }
                m = next;
                any = true;
                if (point) {
                    frac++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (i == e && any && frac <= 10) {
            float v = frac == 0 ? (float) m : m / POW10F[frac];
            return neg ? -v : v;
        }
        double check = slowDouble(b, s, e);
        if (Double.isInfinite(check)) {
            return (float) check;
        }
        float f = Float.parseFloat(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        if (Float.isInfinite(f)) {
            throw new NumberFormatException("a number too large for float32 (largest magnitude " + Float.MAX_VALUE + ")");
        }
        return f;
    }

    /** Parses true/false (any case). */
    public static boolean parseBoolean(byte[] b, int s, int e) {
        String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1).trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean (true or false)");
    }

    /** Parses an ISO-8601 date or date-time; a time without offset is taken as UTC. Returns epoch ms. */
    public static long parseTimestamp(String t) {
        String x = t.trim();
        try {
            if (x.length() == 10) {
                return LocalDate.parse(x).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            String iso = x.length() > 10 && x.charAt(10) == ' ' ? x.substring(0, 10) + 'T' + x.substring(11) : x;
            if (iso.endsWith("Z")) {
                return Instant.parse(iso).toEpochMilli();
            }
            try {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException | ArithmeticException ex) {
            throw new IllegalArgumentException("not an ISO-8601 date or date-time");
        }
    }

    /** Whether the bytes are all ASCII (then they are valid UTF-8 too). */
    public static boolean isAscii(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes UTF-8 strictly. @throws IllegalArgumentException on malformed input */
    public static String utf8(byte[] b, int s, int e) {
        if (isAscii(b, s, e)) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("invalid UTF-8");
        }
    }
}
