package vn.ubkt.casework.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.cases.CaseCommands.ConcludeCase;
import vn.ubkt.casework.command.cases.CaseCommands.ConclusionResult;
import vn.ubkt.casework.command.cases.CaseCommands.Escalation;
import vn.ubkt.casework.command.cases.CaseCommands.OpenCase;
import vn.ubkt.casework.command.cases.CaseCommands.StepResult;
import vn.ubkt.casework.events.cases.CaseEscalated;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.Outcome;

/**
 * The escalation of a supervision plans a second case through {@code AggregateLifecycle.createNew}. Axon's
 * aggregate fixture records that case's {@link CasePlanned} only as a plain event message, without an aggregate
 * identifier or sequence number (its repository for created aggregates is not event-sourced; see
 * {@link InspectionCaseTest}). Here the aggregate runs as in the application — an {@link EventSourcingRepository}
 * over an event store, with the rulebook, tree and clock as injectable resources — to show that the new case is
 * stored as an aggregate of its own, that it can be loaded, and that it takes its own steps.
 */
class EscalationTest extends CaseTestBase {

    private static final CaseId INSPECTION = CaseId.of("KT-2026-018");

    private EmbeddedEventStore store;
    private SimpleCommandBus commandBus;

    @BeforeEach
    void eventSourcedCases() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(InspectionCase.class),
                new SimpleResourceParameterResolverFactory(List.of(RULEBOOK, tree, CLOCK)));
        AtomicReference<Repository<InspectionCase>> self = new AtomicReference<>();
        RepositoryProvider provider = new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return (Repository<T>) self.get();
            }
        };
        EventSourcingRepository<InspectionCase> repository = EventSourcingRepository.builder(InspectionCase.class)
                .eventStore(store)
                .parameterResolverFactory(resolvers)
                .repositoryProvider(provider)
                .build();
        self.set(repository);
        commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<InspectionCase>builder()
                .aggregateType(InspectionCase.class)
                .repository(repository)
                .parameterResolverFactory(resolvers)
                .build()
                .subscribe(commandBus);
    }

    @AfterEach
    void closeStore() {
        store.shutDown();
    }

    @Test
    @DisplayName("the inspection planned by an escalation is stored as its own case, from sequence 0, and can be opened")
    void escalatedInspectionIsACaseOfItsOwn() {
        store.publish(List.of(
                new GenericDomainEventMessage<>("InspectionCase", CASE.value(), 0,
                        planned(CaseType.SUPERVISION_THEMATIC, MEMBER)),
                new GenericDomainEventMessage<>("InspectionCase", CASE.value(), 1, opened())));

        Object answer = send(new ConcludeCase(CASE, CONCLUDED_ON, "KL 07-KL/UBKT", Outcome.SIGNS_OF_VIOLATION, List.of(),
                null, null, false, "Có dấu hiệu vi phạm", null,
                new Escalation("KH 09-KH/UBKT", LocalDate.of(2026, 4, 13), LocalDate.of(2026, 6, 30)), INSPECTION));

        assertThat(answer).isEqualTo(new ConclusionResult(CASE.value(), "ESCALATED", 3, INSPECTION.value()));
        List<? extends DomainEventMessage<?>> supervision = store.readEvents(CASE.value()).asStream().toList();
        assertThat(supervision).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(supervision.get(3).getPayload()).isEqualTo(new CaseEscalated(CASE, CONCLUDED_ON, INSPECTION));

        List<? extends DomainEventMessage<?>> inspection = store.readEvents(INSPECTION.value()).asStream().toList();
        assertThat(inspection).hasSize(1);
        assertThat(inspection.get(0).getSequenceNumber()).isZero();
        assertThat(inspection.get(0).getType()).isEqualTo("InspectionCase");
        assertThat(inspection.get(0).getPayload()).isEqualTo(new CasePlanned(INSPECTION,
                CaseType.INSPECTION_SIGNS_OF_VIOLATION, UBKT_TU, MEMBER, "Có dấu hiệu vi phạm", "KH 09-KH/UBKT",
                CONCLUDED_ON, LocalDate.of(2026, 4, 13), LocalDate.of(2026, 6, 30), CaseOrigin.supervision(CASE),
                List.of()));

        LocalDate openedOn = LocalDate.of(2026, 4, 13);
        Object opened = send(new OpenCase(INSPECTION, openedOn, "QĐ 20-QĐ/UBKT", TEAM, LEAD.memberId()));
        assertThat(opened).isEqualTo(new StepResult(INSPECTION.value(), "OPEN", 1));
        assertThat(store.readEvents(INSPECTION.value()).asStream().map(DomainEventMessage::getPayload).toList())
                .last().isEqualTo(new CaseOpened(INSPECTION, openedOn, "QĐ 20-QĐ/UBKT", TEAM, LEAD.memberId()));
    }

    private Object send(Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            throw new AssertionError("the command was refused: " + result.exceptionResult(), result.exceptionResult());
        }
        return result.getPayload();
    }
}
