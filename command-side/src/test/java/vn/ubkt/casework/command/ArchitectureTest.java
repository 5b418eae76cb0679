package vn.ubkt.casework.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ubkt.casework.events.committees.CommitteeEvent;

/**
 * The boundaries of STYLE.md, on the production classes this module sees: its own and those of
 * {@code shared-events}. Every rule refuses to pass on an empty selection, so a moved package cannot make
 * it vacuous.
 */
@AnalyzeClasses(packages = "vn.ubkt.casework", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotUseTheQuerySide = noClasses()
            .that().resideInAPackage("vn.ubkt.casework.command..")
            .should().dependOnClassesThat().resideInAPackage("vn.ubkt.casework.query..")
            .because("the sides talk only through the event store")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule eventsAreFreeOfFrameworksAndPersistence = noClasses()
            .that().resideInAPackage("vn.ubkt.casework.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..")
            .because("the published language is read by both sides and stored for ever")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule committeeEventsAreRevisedRecords = classes()
            .that().resideInAPackage("vn.ubkt.casework.events..")
            .and().implement(CommitteeEvent.class)
            .should().beRecords()
            .andShould().beAnnotatedWith(Revision.class)
            .because("every event is a record and carries @Revision from the start, for upcasters")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().resideInAPackage("vn.ubkt.casework.command..")
            .and().areAnnotatedWith(Aggregate.class)
            .should().notBePublic()
            .because("the public surface is messages and views")
            .allowEmptyShould(false);
}
