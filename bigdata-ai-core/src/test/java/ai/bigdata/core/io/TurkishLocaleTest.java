package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column metadata does not depend on the default locale: under Turkish rules {@code "id".toUpperCase()}
 * is {@code "İD"} and {@code "ID".toLowerCase()} is {@code "ıd"}, which made the role of an ID column
 * unreadable.
 */
@ExtendWith(ArrowLeakCheck.class)
class TurkishLocaleTest {
    private static final Locale ORIGINAL = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(ORIGINAL);
    }

    @Test
    void rolesWrittenUnderOneLocaleReadBackUnderTurkish() {
        Path f = dir.resolve("roles.arrow");
        Locale.setDefault(Locale.ROOT);
        try (Dataset d = ArrowIpcTest.sample()) {
            d.writeArrow(f);
        }
        Locale.setDefault(new Locale("tr", "TR"));
        try (Dataset back = Dataset.readArrow(f)) {
            assertThat(back.schema().column("id").role()).isEqualTo(ColumnRole.ID);
            assertThat(back.schema().column("kind").role()).isEqualTo(ColumnRole.LABEL);
            assertThat(back.schema().column("at").role()).isEqualTo(ColumnRole.TIME);
            assertThat(back.schema().column("id").type()).isEqualTo(ColumnType.INT64);
            assertThat(back.schema().column("id").toString()).isEqualTo("id:int64(id)");
        }
    }

    @Test
    void metadataWrittenUnderTurkishIsPlainAscii() throws IOException {
        Path f = dir.resolve("tr.arrow");
        Locale.setDefault(new Locale("tr", "TR"));
        try (Dataset d = ArrowIpcTest.sample()) {
            d.writeArrow(f);
        }
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain("ıd").contains("bigdata.role");
        Locale.setDefault(Locale.ROOT);
        try (Dataset back = Dataset.readArrow(f)) {
            assertThat(back.schema().column("id").role()).isEqualTo(ColumnRole.ID);
        }
    }
}
