package ai.bigdata.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Memory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Asserts that every test gives back all the Arrow memory it opened. */
public final class ArrowLeakCheck implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        assertThat(Memory.allocatedBytes()).as("Arrow memory held before " + context.getDisplayName()).isZero();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(Memory.allocatedBytes()).as("Arrow memory leaked by " + context.getDisplayName()).isZero();
    }
}
