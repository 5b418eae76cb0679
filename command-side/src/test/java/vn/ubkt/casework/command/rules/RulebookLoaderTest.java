package vn.ubkt.casework.command.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

@DisplayName("The rulebook is data, validated when it is loaded")
class RulebookLoaderTest {

    private static String shipped() throws IOException {
        try (InputStream in = RulebookLoaderTest.class.getResourceAsStream("/rulebook/rulebook.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Rulebook read(String json) throws IOException {
        return RulebookLoader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("the shipped rulebook loads, and each date is judged by the version in force on it")
    void shippedRulebook() throws IOException {
        Rulebook rulebook = read(shipped());
        assertThat(rulebook.inForceOn(LocalDate.of(2025, 6, 30)).id()).isEqualTo("2021.1");
        assertThat(rulebook.inForceOn(LocalDate.of(2025, 7, 1)).id()).isEqualTo("2025.1");
        assertThat(rulebook.inForceOn(LocalDate.of(2026, 4, 10)).id()).isEqualTo("2025.1");
        assertThat(rulebook.inForceOn(LocalDate.of(2026, 4, 11)).id()).isEqualTo("2026.1");
        assertThat(rulebook.inForceOn(LocalDate.of(2026, 8, 16)).id()).isEqualTo("2026.1");
        assertThat(rulebook.inForceOn(LocalDate.of(2026, 8, 17)).id()).isEqualTo("2026.2");
        assertThat(rulebook.inForceOn(LocalDate.of(2019, 4, 12)).id()).as("before the first version").isEqualTo("2021.1");
        assertThat(rulebook.versions()).allSatisfy(version -> assertThat(version.competence())
                .allSatisfy(entry -> assertThat(entry.certainty()).isIn("C", "R", "U")));
    }

    @Test
    @DisplayName("the 2026 versions carry every competence entry forward from 2025.1 marked U, and cite QĐ 21 and QĐ 212")
    void versionsOf2026() throws IOException {
        Rulebook rulebook = read(shipped());
        RulebookVersion v2025 = rulebook.inForceOn(LocalDate.of(2026, 4, 10));
        RulebookVersion v2026 = rulebook.inForceOn(LocalDate.of(2026, 4, 11));
        RulebookVersion v2026b = rulebook.inForceOn(LocalDate.of(2026, 8, 17));
        for (RulebookVersion version : java.util.List.of(v2026, v2026b)) {
            assertThat(version.competence()).extracting(RulebookVersion.CompetenceEntry::id)
                    .containsExactlyElementsOf(v2025.competence().stream().map(RulebookVersion.CompetenceEntry::id).toList());
            assertThat(version.competence()).allSatisfy(entry -> {
                assertThat(entry.certainty()).isEqualTo("U");
                assertThat(entry.source()).contains("carried forward from 2025.1").contains("QĐ 21-QĐ/TW");
            });
            assertThat(version.sources().values()).noneMatch(source -> source.startsWith("QĐ 296"));
            assertThat(version.certainty("R-COMPETENCE")).isEqualTo("U");
            assertThat(version.suspension().days()).isEqualTo(90);
            assertThat(version.suspension().extensionDays()).isEqualTo(30);
            assertThat(version.suspension().extensions()).isEqualTo(1);
            assertThat(version.effect().onSigning()).isTrue();
            assertThat(version.effect().cellCertainty()).isEqualTo("U");
        }
        assertThat(v2025.source("R-COMPETENCE")).contains("QĐ 296-QĐ/TW");
        assertThat(v2026.source("R-COMPETENCE")).contains("QĐ 21-QĐ/TW (11/04/2026)");
        assertThat(v2026.source("R-LIMITATION")).doesNotContain("QĐ 212");
        assertThat(v2026b.source("R-LIMITATION")).startsWith("QĐ 212-QĐ/TW (17/08/2026)");
        assertThat(v2026b.source("R-FORMS")).startsWith("QĐ 212-QĐ/TW (17/08/2026)");
        assertThat(v2025.effect().onSigning()).isFalse();
    }

    @Test
    @DisplayName("a rulebook giving probationary members a form official members lack is refused")
    void incoherentForms() throws IOException {
        String broken = shipped().replaceFirst("\"probationary\": \\[", "\"probationary\": [\"DISSOLUTION\", ");
        assertThatThrownBy(() -> read(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not coherent").hasMessageContaining("probationary");
    }

    @Test
    @DisplayName("a competence entry without certainty or source, or with a ballot fraction above one, is refused")
    void incoherentEntries() throws IOException {
        assertThatThrownBy(() -> read(shipped().replaceFirst("\"certainty\": \"C\"", "\"certainty\": \"maybe\"")))
                .hasMessageContaining("certainty must be C, R or U");
        assertThatThrownBy(() -> read(shipped().replaceFirst("\"passNumerator\": 1", "\"passNumerator\": 3")))
                .hasMessageContaining("ballot fractions");
    }

    @Test
    @DisplayName("a deployment's own file replaces the shipped rulebook")
    void deploymentFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rulebook.json");
        Files.writeString(file, shipped().replace("\"2025.1\"", "\"2025.2-local\""));
        Rulebook rulebook = new RulebookLoader().rulebook(new FileSystemResource(file));
        assertThat(rulebook.inForceOn(LocalDate.of(2026, 1, 1)).id()).isEqualTo("2025.2-local");
    }
}
