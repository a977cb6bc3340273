package ai.bigdata.core.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, from the build. */
final class LibraryVersion {
    static final String VERSION = read();

    private LibraryVersion() {
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/ai/bigdata/core/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
