package ai.bigdata.nlp.corpus;

import java.nio.file.Path;

/**
 * The SpamAssassin public corpus as one archive of folders {@code easy-ham-1}, {@code easy-ham-2},
 * {@code hard-ham-1} (ham) and {@code spam-1}, {@code spam-2} (spam); anything else in the archive (a licence
 * file) is left out, counted as unlabelled.
 */
public final class SpamAssassin {
    private SpamAssassin() {
    }

    /** {@code "spam"}, {@code "ham"}, or null for a folder that is neither. */
    public static String label(String folder) {
        if (folder.startsWith("spam-")) {
            return "spam";
        }
        if (folder.startsWith("easy-ham-") || folder.startsWith("hard-ham-")) {
            return "ham";
        }
        return null;
    }

    /** Reads the archive (or unpacked folder) as e-mails with their headers: columns text, label, source. */
    public static CorpusRead read(Path archive) {
        return TextCorpus.folders(archive).format(CorpusFormat.EMAIL).labels(SpamAssassin::label).read();
    }
}
