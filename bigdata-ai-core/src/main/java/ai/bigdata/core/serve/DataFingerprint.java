package ai.bigdata.core.serve;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/** SHA-256 of a dataset's schema and values in row order: equal data gives an equal fingerprint. */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** The fingerprint as 64 hex digits; reads every row once. */
    public static String of(Dataset data) {
        MessageDigest md = Sha256.digest();
        md.update(data.schema().toString().getBytes(StandardCharsets.UTF_8));
        List<String> names = data.schema().names();
        data.forEachRow(r -> {
            for (String n : names) {
                Object v = r.get(n);
                String s = v == null ? "\u0000null" : v instanceof float[] f ? Arrays.toString(f) : v.toString();
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f);
            }
            md.update((byte) 0x1e);
        });
        return Sha256.hex(md);
    }
}
