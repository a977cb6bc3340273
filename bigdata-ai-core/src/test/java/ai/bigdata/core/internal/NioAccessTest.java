package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.MissingJvmOptionException;
import ai.bigdata.core.testing.ArrowLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class NioAccessTest {
    @Test
    void thisJvmHasTheOptionSoTheProbePasses() {
        NioAccess.require();
        assertThat(Memory.root()).isNotNull();
    }

    @Test
    void theMessageNamesTheFlagAndEveryWayToPassIt() {
        MissingJvmOptionException e = NioAccess.missing(new UnsupportedOperationException(
                "sun.misc.Unsafe or java.nio.DirectByteBuffer.<init>(long, int) not available"));
        assertThat(e.option()).isEqualTo("--add-opens=java.base/java.nio=ALL-UNNAMED");
        assertThat(e.getMessage())
                .contains("java --add-opens=java.base/java.nio=ALL-UNNAMED -cp")
                .contains("JDK_JAVA_OPTIONS=--add-opens=java.base/java.nio=ALL-UNNAMED")
                .contains("<argLine>--add-opens=java.base/java.nio=ALL-UNNAMED</argLine>")
                .contains("exec:exec").contains("MAVEN_OPTS").contains("Add-Opens: java.base/java.nio")
                .contains("DirectByteBuffer.<init>(long, int) not available");
        assertThat(e.getCause()).isInstanceOf(UnsupportedOperationException.class);
    }
}
