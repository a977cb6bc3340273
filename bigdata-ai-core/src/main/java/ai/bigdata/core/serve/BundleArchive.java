package ai.bigdata.core.serve;

import ai.bigdata.core.internal.AtomicFiles;
import ai.bigdata.core.internal.SealedZip;
import ai.bigdata.core.internal.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container of every bundle the library writes ({@link ModelBundle}s, recommenders, ...): a zip of named
 * parts with a JSON manifest ({@code manifest.json}: the bundle kind, its format, the library version, when it was
 * written, the writer's own fields and a SHA-256 of every part), the manifest's own SHA-256
 * ({@code manifest.sha256}), and a seal: the SHA-256 of the whole file in the zip comment. It is written to a
 * temporary file and renamed atomically, so the real name only ever holds a complete bundle.
 *
 * <p>{@link #read} verifies the seal, the manifest's checksum and every part's checksum before anything is
 * returned, and refuses with a {@link BundleException} that names the file and what was wrong: a missing, empty,
 * truncated or altered file, a file that is no bundle, a bundle of another kind, a missing part, a missing or
 * ill-typed manifest field, or a format newer than the reader's. Bundles without a {@code bundle} field are
 * model bundles written before kinds were recorded; those of format 1 were written before seals and are read
 * after their zip central directory was checked against their entries.
 */
public final class BundleArchive {
    /** The kind of {@link ModelBundle}s (also of bundles written before kinds were recorded). */
    public static final String MODEL_KIND = "model";
    /** The manifest part. */
    public static final String MANIFEST = "manifest.json";
    /** The part holding the manifest's SHA-256. */
    public static final String MANIFEST_SUM = "manifest.sha256";
    /** Manifest fields the archive writes itself; a writer's fields cannot use these names. */
    public static final Set<String> RESERVED_FIELDS = Set.of("format", "bundle", "library", "created", "checksums");
    /** The model bundle format from which files must carry a seal (format 1 was written without one). */
    private static final int FIRST_SEALED_MODEL_FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleArchive() {
    }

    /** A verified bundle: its kind, format, manifest and parts, with typed reads that name the file when they fail. */
    public static final class Contents {
        private final Path file;
        private final String kind;
        private final int format;
        private final Map<String, Object> manifest;
        private final Map<String, byte[]> parts;

        private Contents(Path file, String kind, int format, Map<String, Object> manifest, Map<String, byte[]> parts) {
            this.file = file;
            this.kind = kind;
            this.format = format;
            this.manifest = Collections.unmodifiableMap(manifest);
            this.parts = Collections.unmodifiableMap(parts);
        }

        /** The file read. */
        public Path file() {
            return file;
        }

        /** The bundle kind ({@link #MODEL_KIND} for bundles written before kinds were recorded). */
        public String kind() {
            return kind;
        }

        /** The format number the writer recorded. */
        public int format() {
            return format;
        }

        /** The whole manifest as plain maps, lists, strings, numbers and booleans. */
        public Map<String, Object> manifest() {
            return manifest;
        }

        /** Every part but the manifest and its checksum, by name in file order; each matched its SHA-256. */
        public Map<String, byte[]> parts() {
            return parts;
        }

        /**
         * The bytes of a part.
         *
         * @throws BundleException naming the file when the bundle has no such part
         */
        public byte[] part(String name) {
            byte[] b = parts.get(name);
            if (b == null) {
                throw new BundleException(kind, file, "it lacks the part '" + name + "'; parts found: " + parts.keySet());
            }
            return b;
        }

        /**
         * A top-level manifest field, which must be present and a {@code type} (a {@code Number}, {@code String},
         * {@code Boolean}, {@code Map} or {@code List}).
         *
         * @throws BundleException naming the file and the field when it is missing or of another type
         */
        public <T> T field(String key, Class<T> type) {
            try {
                return ManifestFields.require(manifest, "", key, type);
            } catch (ManifestFields.BadFieldException e) {
                throw new BundleException(kind, file, e.getMessage(), e);
            }
        }
    }

    /**
     * Writes a bundle atomically (durably: forced to disk before and after the rename) and returns its manifest as
     * a reader sees it. The manifest holds {@code format}, {@code bundle} (the kind), {@code library},
     * {@code created}, then {@code fields} in their order, then {@code checksums}.
     *
     * @param kind what the bundle holds ({@link #MODEL_KIND}, {@code "recommender"}, ...), checked by {@link #read}
     * @param format the format of the kind's parts and fields, checked against the reader's newest
     * @param fields the writer's manifest fields (plain maps, lists, strings, numbers, booleans), none of
     *     {@link #RESERVED_FIELDS}
     * @param parts the parts by name, written in map order; neither {@link #MANIFEST} nor {@link #MANIFEST_SUM}
     * @throws IllegalArgumentException when a field or part name is reserved, or the kind is blank
     * @throws BundleException naming the file when it cannot be written
     */
    public static Map<String, Object> write(Path file, String kind, int format, Map<String, ?> fields, Map<String, byte[]> parts) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a bundle needs a kind");
        }
        for (String key : fields.keySet()) {
            if (RESERVED_FIELDS.contains(key)) {
                throw new IllegalArgumentException("the manifest field '" + key + "' is written by the archive itself");
            }
        }
        if (parts.containsKey(MANIFEST) || parts.containsKey(MANIFEST_SUM)) {
            throw new IllegalArgumentException("the parts '" + MANIFEST + "' and '" + MANIFEST_SUM + "' are written by the archive itself");
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", format);
        manifest.put("bundle", kind);
        manifest.put("library", LibraryVersion.VERSION);
        manifest.put("created", Instant.now().toString());
        manifest.putAll(fields);
        Map<String, String> sums = new LinkedHashMap<>();
        parts.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        manifest.put("checksums", sums);
        try {
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            Map<String, byte[]> all = new LinkedHashMap<>();
            all.put(MANIFEST, manifestBytes);
            all.put(MANIFEST_SUM, Sha256.hex(manifestBytes).getBytes(StandardCharsets.US_ASCII));
            all.putAll(parts);
            AtomicFiles.write(file, true, tmp -> SealedZip.write(tmp, all));
            return readManifest(kind, file, manifestBytes);
        } catch (IOException e) {
            throw new BundleException(kind, file, "cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and verifies a bundle of {@code kind}: the seal over the whole file, the manifest and its checksum, the
     * kind, the parts {@code required}, the format and the SHA-256 of every part.
     *
     * @param newestFormat the newest format of {@code kind} the caller reads
     * @param required parts the caller needs (checked right after the kind)
     * @throws BundleException naming the file when it is missing, truncated, altered, no bundle, a bundle of another
     *     kind, lacks a part or a manifest field, or has a format newer than {@code newestFormat}; the message says which
     */
    public static Contents read(Path file, String kind, int newestFormat, Collection<String> required) {
        SealedZip.Contents zip = open(kind, file);
        Map<String, byte[]> parts = new LinkedHashMap<>(zip.parts());
        requireParts(kind, file, parts, List.of(MANIFEST, MANIFEST_SUM));
        byte[] manifestBytes = parts.remove(MANIFEST);
        byte[] sum = parts.remove(MANIFEST_SUM);
        if (!Sha256.hex(manifestBytes).equals(new String(sum, StandardCharsets.US_ASCII).trim())) {
            throw new BundleException(kind, file, "altered: the manifest does not match its checksum");
        }
        Map<String, Object> manifest = readManifest(kind, file, manifestBytes);
        try {
            String found = ManifestFields.optional(manifest, "", "bundle", String.class);
            found = found == null ? MODEL_KIND : found;
            if (!found.equals(kind)) {
                throw new BundleException(kind, file, "not a " + kind + " bundle: it is a " + found + " bundle");
            }
            // the format before the parts: a newer format may name its parts otherwise, and then "upgrade" is the answer
            Number declared = ManifestFields.require(manifest, "", "format", Number.class);
            if (declared.doubleValue() > newestFormat) {
                throw new BundleException(kind, file, "format " + declared + " is newer than this library's " + newestFormat + " (library "
                        + LibraryVersion.VERSION + ", the bundle was written by " + manifest.get("library") + "); upgrade the library");
            }
            if (declared.doubleValue() < 1 || declared.doubleValue() != Math.rint(declared.doubleValue())) {
                throw new BundleException(kind, file, "altered: its manifest gives the format " + declared + ", which no bundle has");
            }
            int format = declared.intValue();
            requireParts(kind, file, parts, required);
            int firstSealed = kind.equals(MODEL_KIND) ? FIRST_SEALED_MODEL_FORMAT : Integer.MIN_VALUE;
            if (format >= firstSealed && !zip.sealed()) {
                throw new BundleException(kind, file, "altered: bundles of format " + format + " end with a SHA-256 seal of the whole"
                        + " file and this one has none");
            }
            Map<?, ?> sums = ManifestFields.require(manifest, "", "checksums", Map.class);
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                if (!Sha256.hex(p.getValue()).equals(ManifestFields.require(sums, "checksums", p.getKey(), String.class))) {
                    throw new BundleException(kind, file, "altered: the part '" + p.getKey() + "' does not match its SHA-256 in the manifest");
                }
            }
            for (Object name : sums.keySet()) {
                if (!parts.containsKey(name)) {
                    throw new BundleException(kind, file, "altered: the manifest lists the part '" + name + "', which the file lacks");
                }
            }
            return new Contents(file, kind, format, manifest, parts);
        } catch (ManifestFields.BadFieldException e) {
            throw new BundleException(kind, file, e.getMessage(), e);
        }
    }

    private static SealedZip.Contents open(String kind, Path file) {
        try {
            return SealedZip.read(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(kind, file, "no such file", e);
        } catch (SealedZip.DamagedException e) {
            throw new BundleException(kind, file, describe(kind, e.damage()) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BundleException(kind, file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireParts(String kind, Path file, Map<String, byte[]> parts, Collection<String> names) {
        for (String name : names) {
            if (!parts.containsKey(name)) {
                throw new BundleException(kind, file, "not a " + kind + " bundle: it lacks the part '" + name + "'; parts found: "
                        + parts.keySet());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readManifest(String kind, Path file, byte[] bytes) {
        try {
            Object m = JSON.readValue(bytes, Object.class);
            if (!(m instanceof Map)) {
                throw new BundleException(kind, file, "the manifest is no JSON object");
            }
            return (Map<String, Object>) m;
        } catch (IOException e) {
            throw new BundleException(kind, file, "the manifest is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(String kind, SealedZip.Damage damage) {
        switch (damage) {
            case TRUNCATED:
                return "truncated";
            case ALTERED:
                return "altered";
            default:
                return "not a " + kind + " bundle";
        }
    }
}
