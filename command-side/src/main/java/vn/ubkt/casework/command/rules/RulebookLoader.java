package vn.ubkt.casework.command.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import vn.ubkt.casework.events.cases.DisciplineForm;

/**
 * Loads the rulebook at start from {@code casework.rulebook.location} (the shipped
 * {@code classpath:rulebook/rulebook.json} unless a deployment gives its own file), with the shipped calendar of
 * public holidays ({@code rulebook/holidays.json}) extended by {@code casework.rulebook.holidays-location} when given,
 * and refuses to start on a rulebook or calendar that is not coherent: the product must never judge by rules it
 * cannot read.
 */
@Configuration(proxyBeanMethods = false)
class RulebookLoader {

    private static final Logger log = LoggerFactory.getLogger(RulebookLoader.class);
    private static final Set<String> CERTAINTIES = Set.of("C", "R", "U");

    @Bean
    Rulebook rulebook(@Value("${casework.rulebook.location:classpath:rulebook/rulebook.json}") Resource location,
                      @Value("${casework.rulebook.holidays-location:}") String extraHolidays,
                      org.springframework.core.io.ResourceLoader resources) throws IOException {
        return rulebook(location, extraHolidays.isBlank() ? null : resources.getResource(extraHolidays));
    }

    Rulebook rulebook(Resource location) throws IOException {
        return rulebook(location, null);
    }

    /** The rulebook at {@code location}, with the shipped holidays extended by a deployment's file when there is one. */
    Rulebook rulebook(Resource location, Resource extraHolidays) throws IOException {
        HolidayCalendar holidays = shippedHolidays();
        if (extraHolidays != null) {
            try (InputStream in = extraHolidays.getInputStream()) {
                holidays = holidays.extendedBy(readHolidays(in));
            }
        }
        try (InputStream in = location.getInputStream()) {
            Rulebook read = read(in);
            Rulebook rulebook = new Rulebook(read.versions(), holidays);
            log.info("Rulebook {} loaded: versions {}; holidays {} ({} days)", location.getDescription(),
                    rulebook.versions().stream().map(v -> v.id() + " from " + v.effectiveFrom()).toList(),
                    holidays.version(), holidays.days().size());
            return rulebook;
        }
    }

    static HolidayCalendar shippedHolidays() throws IOException {
        try (InputStream in = RulebookLoader.class.getResourceAsStream("/rulebook/holidays.json")) {
            if (in == null) {
                throw new IllegalStateException("rulebook/holidays.json is missing");
            }
            return readHolidays(in);
        }
    }

    /** A holiday calendar file: {@code version}, {@code source}, {@code days} [{date, name, certainty}], {@code workingDays}. */
    static HolidayCalendar readHolidays(InputStream in) throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode root = json.readTree(in);
        List<String> problems = new ArrayList<>();
        java.util.Map<java.time.LocalDate, HolidayCalendar.Holiday> days = new java.util.TreeMap<>();
        for (JsonNode node : root.path("days")) {
            HolidayCalendar.Holiday day = json.treeToValue(node, HolidayCalendar.Holiday.class);
            if (day.date() == null || day.name() == null || day.name().isBlank() || !certain(day.certainty())) {
                problems.add("holiday " + node + ": date, name and certainty (C, R or U) are required");
            } else if (days.put(day.date(), day) != null) {
                problems.add("holiday " + day.date() + " is listed twice");
            }
        }
        Set<java.time.LocalDate> worked = new HashSet<>();
        for (JsonNode node : root.path("workingDays")) {
            worked.add(java.time.LocalDate.parse(node.asText()));
        }
        String version = root.path("version").asText("");
        if (version.isBlank()) {
            problems.add("the holiday calendar has no version");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The holiday calendar is not coherent: " + String.join("; ", problems));
        }
        return new HolidayCalendar(version, root.path("source").asText(""), days, worked);
    }

    static Rulebook read(InputStream in) throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode root = json.readTree(in);
        List<RulebookVersion> versions = new ArrayList<>();
        for (JsonNode node : root.path("versions")) {
            versions.add(json.treeToValue(node, RulebookVersion.class));
        }
        Rulebook rulebook = new Rulebook(versions);
        List<String> problems = validate(rulebook);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The rulebook is not coherent: " + String.join("; ", problems));
        }
        return rulebook;
    }

    static List<String> validate(Rulebook rulebook) {
        List<String> problems = new ArrayList<>();
        if (rulebook.versions().isEmpty()) {
            problems.add("it has no version");
        }
        Set<String> ids = new HashSet<>();
        Set<Object> starts = new HashSet<>();
        for (RulebookVersion version : rulebook.versions()) {
            String v = "version " + version.id();
            if (version.id() == null || !ids.add(version.id())) {
                problems.add(v + ": missing or repeated id");
            }
            if (version.effectiveFrom() == null || !starts.add(version.effectiveFrom())) {
                problems.add(v + ": missing or repeated effectiveFrom");
            }
            if (version.forms() == null || version.limitation() == null || version.ballot() == null
                    || version.deadlines() == null || version.competence() == null || version.sources() == null) {
                problems.add(v + ": forms, competence, limitation, ballot, deadlines and sources are all required");
                continue;
            }
            if (!DisciplineForm.ORGANIZATION_FORMS.containsAll(version.forms().organization())
                    || !DisciplineForm.MEMBER_FORMS.containsAll(version.forms().official())
                    || !version.forms().official().containsAll(version.forms().probationary())) {
                problems.add(v + ": forms mix organization and member forms, or give probationary members a form official members lack");
            }
            RulebookVersion.Ballot ballot = version.ballot();
            if (ballot.passDenominator() <= 0 || ballot.expulsionDenominator() <= 0
                    || ballot.passNumerator() <= 0 || ballot.passNumerator() > ballot.passDenominator()
                    || ballot.expulsionNumerator() <= 0 || ballot.expulsionNumerator() > ballot.expulsionDenominator()) {
                problems.add(v + ": ballot fractions must lie in (0, 1]");
            }
            RulebookVersion.Deadlines deadlines = version.deadlines();
            if (deadlines.appealWindowMonths() <= 0 || deadlines.appealResolutionWorkingDays() <= 0
                    || deadlines.centralAppealResolutionWorkingDays() <= 0 || deadlines.denunciationWorkingDays() <= 0) {
                problems.add(v + ": every deadline length must be positive");
            }
            version.ruleCertainty().forEach((rule, certainty) -> {
                if (!certain(certainty)) {
                    problems.add(v + " rule " + rule + ": certainty must be C, R or U");
                }
            });
            problems.addAll(validate(v, version.suspension()));
            RulebookVersion.Postponement postponement = version.postponement();
            if (postponement != null && (!certain(postponement.certainty()) || postponement.source() == null
                    || postponement.source().isBlank()
                    || postponement.holding().stream().anyMatch(postponement.notImposed()::contains))) {
                problems.add(v + " postponement: certainty C, R or U and a source are required, and no reason both holds "
                        + "the decision and makes it not imposed");
            }
            RulebookVersion.DecisionEffect effect = version.effect();
            if (!certain(effect.certainty()) || !certain(effect.cellCertainty())
                    || effect.source() == null || effect.source().isBlank()) {
                problems.add(v + " effect: certainty and cellCertainty must be C, R or U, and a source is required");
            }
            Set<String> entryIds = new HashSet<>();
            for (RulebookVersion.CompetenceEntry entry : version.competence()) {
                String e = v + " entry " + entry.id();
                if (entry.id() == null || !entryIds.add(entry.id())) {
                    problems.add(e + ": missing or repeated id");
                }
                if (entry.bodies() == null || entry.bodies().isEmpty() || entry.levels() == null || entry.levels().isEmpty()
                        || entry.forms() == null || entry.forms().isEmpty() || entry.subject() == null
                        || entry.scope() == null || entry.committeeMembers() == null) {
                    problems.add(e + ": bodies, levels, subject, forms, scope and committeeMembers are required");
                    continue;
                }
                if (!certain(entry.certainty())) {
                    problems.add(e + ": certainty must be C, R or U");
                }
                if (entry.source() == null || entry.source().isBlank()) {
                    problems.add(e + ": a source is required");
                }
                List<DisciplineForm> allowed = entry.subject() == RulebookVersion.SubjectKind.MEMBER
                        ? DisciplineForm.MEMBER_FORMS : DisciplineForm.ORGANIZATION_FORMS;
                if (!allowed.containsAll(entry.forms())) {
                    problems.add(e + ": forms " + entry.forms() + " do not apply to " + entry.subject());
                }
            }
        }
        return problems;
    }

    private static boolean certain(String certainty) {
        return certainty != null && CERTAINTIES.contains(certainty);
    }

    private static List<String> validate(String v, RulebookVersion.Suspension suspension) {
        List<String> problems = new ArrayList<>();
        if (suspension == null) {
            return problems;
        }
        if (suspension.days() <= 0 || suspension.extensionDays() < 0 || suspension.extensions() < 0) {
            problems.add(v + " suspension: days must be positive, extensionDays and extensions not negative");
        }
        if (!certain(suspension.certainty()) || suspension.source() == null || suspension.source().isBlank()) {
            problems.add(v + " suspension: certainty must be C, R or U, and a source is required");
        }
        Set<String> ids = new HashSet<>();
        for (RulebookVersion.SuspensionCompetence entry : suspension.competence()) {
            String e = v + " suspension entry " + entry.id();
            if (entry.id() == null || !ids.add(entry.id())) {
                problems.add(e + ": missing or repeated id");
            }
            if (entry.bodies() == null || entry.bodies().isEmpty() || entry.levels() == null || entry.levels().isEmpty()
                    || entry.kinds() == null || entry.kinds().isEmpty() || entry.scope() == null) {
                problems.add(e + ": bodies, levels, kinds and scope are required");
            } else if (entry.scope() != RulebookVersion.Scope.SUBTREE && entry.scope() != RulebookVersion.Scope.ANY
                    && entry.scope() != RulebookVersion.Scope.OWN_ORGANIZATION) {
                problems.add(e + ": scope must be OWN_ORGANIZATION, SUBTREE or ANY");
            }
            if (!certain(entry.certainty()) || entry.source() == null || entry.source().isBlank()) {
                problems.add(e + ": certainty must be C, R or U, and a source is required");
            }
        }
        return problems;
    }
}
