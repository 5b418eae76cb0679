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
        assertThat(rulebook.inForceOn(LocalDate.of(2019, 4, 12)).id()).as("before the first version").isEqualTo("2021.1");
        assertThat(rulebook.versions()).allSatisfy(version -> assertThat(version.competence())
                .allSatisfy(entry -> assertThat(entry.certainty()).isIn("C", "R", "U")));
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
