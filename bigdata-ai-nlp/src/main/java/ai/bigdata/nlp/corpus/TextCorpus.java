package ai.bigdata.nlp.corpus;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a labelled text corpus into a {@link Dataset} with a text column (role feature), a categorical
 * label (categories sorted by name) and the document's path as an id column, one row per document,
 * sorted by path.
 *
 * <p>{@link #folders(Path)}: one folder per class, as scikit-learn's {@code load_files}; the root is a
 * folder or a tar archive (plain, gzip or zstd), read without unpacking. A document's class is the name
 * of the folder that holds it, mapped through {@link Builder#labels(Function)} (null leaves the file out,
 * counted). {@link JsonLinesCorpus} reads JSON Lines.
 *
 * <pre>{@code
 * try (CorpusRead read = TextCorpus.folders(tarGz).format(CorpusFormat.EMAIL).labels(SpamAssassin::label).read()) {
 *     System.out.println(read.report());
 * }
 * }</pre>
 */
public final class TextCorpus {
    private TextCorpus() {
    }

    /** A folder-per-class corpus under {@code root} (a folder or a tar archive). */
    public static Builder folders(Path root) {
        return new Builder(root);
    }

    /** Options of a folder corpus. */
    public static final class Builder {
        private final Path root;
        private CorpusFormat format = CorpusFormat.PLAIN_TEXT;
        private Charset charset = StandardCharsets.UTF_8;
        private EmailText email = EmailText.withHeaders();
        private Function<String, String> labels = folder -> folder.isEmpty() ? null : folder;
        private String textColumn = "text";
        private String labelColumn = "label";
        private String idColumn = "source";
        private long maxDocumentBytes = 64L << 20;
        private boolean failOnUndecodable;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** How files are decoded (default {@link CorpusFormat#PLAIN_TEXT}). */
        public Builder format(CorpusFormat f) {
            this.format = Objects.requireNonNull(f, "format");
            return this;
        }

        /** The charset of plain-text files (default UTF-8; bytes that are not valid in it fall back, counted). */
        public Builder charset(Charset c) {
            this.charset = Objects.requireNonNull(c, "charset");
            return this;
        }

        /** How e-mails become text (default {@link EmailText#withHeaders()}). */
        public Builder email(EmailText e) {
            this.email = Objects.requireNonNull(e, "email");
            return this;
        }

        /**
         * Maps the name of a document's folder ("" for a file directly under the root) to its label; null
         * leaves the document out (counted as unlabelled). Default: the folder name, files at the root left out.
         */
        public Builder labels(Function<String, String> folderToLabel) {
            this.labels = Objects.requireNonNull(folderToLabel, "folderToLabel");
            return this;
        }

        /** Column names (defaults {@code text}, {@code label}, {@code source}). */
        public Builder columns(String text, String label, String id) {
            if (text.equals(label) || text.equals(id) || label.equals(id)) {
                throw new IllegalArgumentException("column names must differ, got " + text + ", " + label + ", " + id);
            }
            this.textColumn = text;
            this.labelColumn = label;
            this.idColumn = id;
            return this;
        }

        /** Files larger than this are not read (counted as too large); default 64 MiB, at most 1 GiB. */
        public Builder maxDocumentBytes(long bytes) {
            if (bytes < 0 || bytes > (1L << 30)) {
                throw new IllegalArgumentException("maxDocumentBytes must be in [0, 1 GiB], got " + bytes);
            }
            this.maxDocumentBytes = bytes;
            return this;
        }

        /** Throw {@link UndecodableDocumentException} at the first undecodable document instead of counting it. */
        public Builder failOnUndecodable() {
            this.failOnUndecodable = true;
            return this;
        }

        /**
         * Reads the corpus.
         *
         * @throws ai.bigdata.core.io.DataFormatException for a damaged or truncated archive (naming it and the entry)
         */
        public CorpusRead read() {
            List<String[]> docs = new ArrayList<>();
            List<String> unlabelled = new ArrayList<>();
            List<String> tooLarge = new ArrayList<>();
            Map<String, String> undecodable = new LinkedHashMap<>();
            Map<String, String> fallbacks = new LinkedHashMap<>();
            long[] files = {0};
            CorpusFiles.forEach(root, maxDocumentBytes, new CorpusFiles.Visitor() {
                @Override
                public void accept(String path, byte[] bytes) {
                    files[0]++;
                    String label = labels.apply(folderOf(path));
                    if (label == null) {
                        unlabelled.add(path);
                        return;
                    }
                    DecodedText t;
                    try {
                        t = decode(path, bytes);
                    } catch (UndecodableDocumentException e) {
                        if (failOnUndecodable) {
                            throw e;
                        }
                        undecodable.put(path, e.reason());
                        return;
                    }
                    if (!t.notes().isEmpty()) {
                        fallbacks.put(path, String.join("; ", t.notes()));
                    }
                    docs.add(new String[] {t.text(), label, path});
                }

                @Override
                public void tooLarge(String path, long size) {
                    files[0]++;
                    tooLarge.add(path + " (" + size + " bytes)");
                }
            });
            docs.sort(Comparator.comparing(d -> d[2]));
            Dataset data = CorpusDatasets.write(docs, textColumn, labelColumn, idColumn);
            return new CorpusRead(data, new CorpusReport(files[0], docs.size(), unlabelled, undecodable, tooLarge,
                    fallbacks));
        }

        private DecodedText decode(String path, byte[] bytes) {
            if (format == CorpusFormat.EMAIL) {
                return email.decode(bytes, path);
            }
            List<String> notes = new ArrayList<>();
            String s = Charsets.decode(bytes, null, charset, notes);
            return new DecodedText(s, notes);
        }
    }

    /** The name of the folder that holds {@code path} ("" at the root). */
    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        int before = path.lastIndexOf('/', slash - 1);
        return path.substring(before + 1, slash);
    }

    /** Writes rows {text, label, id} into a dataset; the label categories are sorted by name. */
    static final class CorpusDatasets {
        private CorpusDatasets() {
        }

        static Dataset write(List<String[]> docs, String text, String label, String id) {
            TreeSet<String> classes = new TreeSet<>();
            for (String[] d : docs) {
                if (d[1] != null) {
                    classes.add(d[1]);
                }
            }
            Schema schema = Schema.of(Column.of(text, ColumnType.TEXT, ColumnRole.FEATURE),
                    Column.categorical(label, ColumnRole.LABEL, List.copyOf(classes)),
                    Column.of(id, ColumnType.TEXT, ColumnRole.ID));
            try (DatasetWriter w = Dataset.writer(schema)) {
                for (String[] d : docs) {
                    w.column(0).appendText(d[0]);
                    w.column(1).appendCategory(d[1]);
                    w.column(2).appendText(d[2]);
                    w.endRow();
                }
                return w.build();
            }
        }
    }
}
