package ai.bigdata.core.internal;

import ai.bigdata.core.data.MissingJvmOptionException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Checks, once per JVM, that Apache Arrow can make {@code java.nio} views of its memory. Arrow's IPC
 * reader and writer need them (its {@code ArrowBuf.nioBuffer()} calls the private constructor
 * {@code DirectByteBuffer(long, int)}), and that needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED}
 * on Java 17. The library's own code needs no such view ({@link NativeMemory}); this probe turns Arrow's
 * late {@code UnsupportedOperationException} into one clear error at the first allocation.
 */
public final class NioAccess {
    /** The JVM option Arrow needs on the class path. */
    public static final String OPTION = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private NioAccess() {
    }

    /** Throws {@link MissingJvmOptionException} when Arrow cannot make {@code java.nio} views of native memory. */
    public static void require() {
        Throwable problem = Probe.PROBLEM;
        if (problem != null) {
            throw missing(problem);
        }
    }

    /** The error for a JVM without the option, with how to pass it (package-visible for tests). */
    static MissingJvmOptionException missing(Throwable cause) {
        String message = "bigdata-ai keeps its data in Apache Arrow memory, and Arrow needs the JVM option " + OPTION
                + " (Java 17 closes java.nio to libraries; this JVM was started without it, so Arrow reports: "
                + cause.getMessage() + "). Pass it to the JVM that runs your application:"
                + "\n  plain java:            java " + OPTION + " -cp <classpath> your.Main"
                + "\n  any java launcher:     export JDK_JAVA_OPTIONS=" + OPTION
                + "\n  java -jar:             add the manifest attribute 'Add-Opens: java.base/java.nio'"
                + "\n  Maven Surefire/Failsafe: <argLine>" + OPTION + "</argLine>"
                + "\n  Maven exec:exec:       put " + OPTION + " before -classpath in <arguments>"
                + "\n  Maven exec:java (runs in Maven's JVM): MAVEN_OPTS=" + OPTION + " or a line in .mvn/jvm.config"
                + "\n  Gradle:                applicationDefaultJvmArgs / test { jvmArgs '" + OPTION + "' }"
                + "\n  module path:           --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED";
        return new MissingJvmOptionException(OPTION, message, cause);
    }

    /** Runs the probe once, when first asked. */
    private static final class Probe {
        static final Throwable PROBLEM = probe();

        private static Throwable probe() {
            ByteBuffer direct = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            try {
                long address = MemoryUtil.getByteBufferAddress(direct);
                ByteBuffer view = MemoryUtil.directBuffer(address, 8).order(ByteOrder.nativeOrder());
                view.putLong(0, 0x0123456789abcdefL);
                if (direct.getLong(0) != 0x0123456789abcdefL) {
                    return new IllegalStateException("Arrow's java.nio view does not see the memory it wraps");
                }
                return null;
            } catch (UnsupportedOperationException | IllegalStateException | LinkageError e) {
                return e;
            }
        }
    }
}
