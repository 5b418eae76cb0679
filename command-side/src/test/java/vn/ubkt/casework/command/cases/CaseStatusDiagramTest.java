package vn.ubkt.casework.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's lifecycle diagram says what the status table says: no step drawn that a status refuses, none left out. */
@DisplayName("The README's lifecycle diagram matches the status table")
class CaseStatusDiagramTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(\\w+) --> (\\w+): (.+)$", Pattern.MULTILINE);

    @Test
    @DisplayName("every step drawn from a status is allowed there, and every allowed step is drawn")
    void diagramMatchesTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String diagram = readme.substring(readme.indexOf("stateDiagram-v2"), readme.indexOf("```", readme.indexOf("stateDiagram-v2")));
        Map<CaseStatus, Set<CaseStep>> drawn = new EnumMap<>(CaseStatus.class);
        Matcher edge = EDGE.matcher(diagram);
        while (edge.find()) {
            CaseStatus from = CaseStatus.valueOf(edge.group(1));
            CaseStatus.valueOf(edge.group(2));
            for (String label : edge.group(3).split(",\\s*")) {
                CaseStep step = CaseStep.valueOf(label.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
                assertThat(from.allows(step)).as(from + " --> " + edge.group(2) + ": " + label).isTrue();
                drawn.computeIfAbsent(from, key -> EnumSet.noneOf(CaseStep.class)).add(step);
            }
        }
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(drawn.getOrDefault(status, Set.of())).as("steps drawn from " + status)
                    .containsExactlyInAnyOrderElementsOf(status.allowedSteps());
        }
    }
}
