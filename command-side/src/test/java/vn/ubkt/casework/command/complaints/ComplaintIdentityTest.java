package vn.ubkt.casework.command.complaints;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.access.vault.DenouncerVault;
import vn.ubkt.casework.command.platform.ConflictException;
import vn.ubkt.casework.command.platform.ForbiddenException;
import vn.ubkt.casework.command.platform.NotFoundException;
import vn.ubkt.casework.command.rules.TestRulebook;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.DenouncerIdentityErased;
import vn.ubkt.casework.events.complaints.IdentityRequestId;
import vn.ubkt.casework.events.complaints.IdentityRevealApproved;
import vn.ubkt.casework.events.complaints.IdentityRevealDenied;
import vn.ubkt.casework.events.complaints.IdentityRevealRequested;

/**
 * The two-person reveal on the Complaint aggregate (API.md "The denouncer's identity"): each rule refuses and allows,
 * every step is an event naming users and reasons only.
 */
@DisplayName("Revealing a denouncer takes a request by staff and the decision of another person")
class ComplaintIdentityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final Instant NOW = CLOCK.instant();
    private static final ComplaintId COMPLAINT = ComplaintId.of("DT-2026-041");
    private static final CommitteeId UBKT_TU = CommitteeId.of("UBKT-TU");
    private static final Subject ACCUSED = new Subject.Member("57012345", "Hoàng Văn Thắng", Membership.OFFICIAL,
            CommitteeId.of("CB1"), List.of(), null, List.of());
    private static final IdentityRequestId REQUEST = IdentityRequestId.of("YC-1");
    private static final String STAFF = "can-bo-thu-ly";
    private static final String CUSTODIAN = "nguoi-giu-bi-mat";
    private static final String WHY = "Cần xác minh thêm nội dung tố cáo với người tố cáo";

    private AggregateTestFixture<Complaint> fixture;
    private DenouncerVault vault;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        vault = mock(DenouncerVault.class);
        fixture.registerAnnotatedCommandHandler(new ComplaintCommandHandler(fixture.getRepository(), vault, null,
                TestRulebook.load(), mock(TreeView.class), CLOCK));
    }

    private static ComplaintReceived named() {
        return new ComplaintReceived(COMPLAINT, UBKT_TU, LocalDate.of(2026, 11, 2), false, "ref-1", ACCUSED,
                "Tố cáo vi phạm quy định về đất đai");
    }

    private static ComplaintReceived anonymous() {
        return new ComplaintReceived(COMPLAINT, UBKT_TU, LocalDate.of(2026, 11, 2), true, null, ACCUSED,
                "Đơn không ký tên");
    }

    private static IdentityRevealRequested requested() {
        return new IdentityRevealRequested(COMPLAINT, REQUEST, STAFF, WHY, NOW.minusSeconds(3600));
    }

    private static ComplaintCommands.RequestIdentityReveal request() {
        return new ComplaintCommands.RequestIdentityReveal(COMPLAINT, REQUEST, STAFF, "  " + WHY + " ");
    }

    private static ComplaintCommands.ApproveIdentityReveal approve(String by) {
        return new ComplaintCommands.ApproveIdentityReveal(COMPLAINT, REQUEST, by, "Có căn cứ");
    }

    private static ComplaintCommands.DenyIdentityReveal deny(String by) {
        return new ComplaintCommands.DenyIdentityReveal(COMPLAINT, REQUEST, by, "Chưa đủ căn cứ");
    }

    @Nested
    @DisplayName("asking")
    class Asking {

        @Test
        @DisplayName("staff may ask about a named letter: the request is an event with who, why and when, never the identity")
        void requested() {
            fixture.given(named())
                    .when(request())
                    .expectEvents(new IdentityRevealRequested(COMPLAINT, REQUEST, STAFF, WHY, NOW))
                    .expectResultMessagePayload(new ComplaintCommands.IdentityRequestResult(COMPLAINT.value(),
                            REQUEST.value(), "PENDING", 1));
            verifyNoInteractions(vault);
        }

        @Test
        @DisplayName("nobody may ask about an anonymous letter: there is no one to reveal")
        void anonymousLetter() {
            fixture.given(anonymous())
                    .when(request())
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, ConflictException::messageKey, "complaint.noDenouncer"));
        }

        @Test
        @DisplayName("nobody may ask once the identity is erased")
        void erasedIdentity() {
            fixture.given(named(), new DenouncerIdentityErased(COMPLAINT, LocalDate.of(2026, 11, 10), "Theo đề nghị"))
                    .when(request())
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, ConflictException::messageKey,
                            "complaint.denouncerErased"));
        }
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {

        @Test
        @DisplayName("another person approves a pending request")
        void approvedByAnother() {
            fixture.given(named(), requested())
                    .when(approve(CUSTODIAN))
                    .expectEvents(new IdentityRevealApproved(COMPLAINT, REQUEST, CUSTODIAN, "Có căn cứ", NOW))
                    .expectResultMessagePayload(new ComplaintCommands.IdentityRequestResult(COMPLAINT.value(),
                            REQUEST.value(), "APPROVED", 2));
        }

        @Test
        @DisplayName("the requester may not approve their own request")
        void approvedByTheRequester() {
            fixture.given(named(), requested())
                    .when(approve(STAFF))
                    .expectNoEvents()
                    .expectException(failure(ForbiddenException.class, ForbiddenException::messageKey,
                            "identity.ownRequest"));
        }

        @Test
        @DisplayName("another person denies a pending request")
        void deniedByAnother() {
            fixture.given(named(), requested())
                    .when(deny(CUSTODIAN))
                    .expectEvents(new IdentityRevealDenied(COMPLAINT, REQUEST, CUSTODIAN, "Chưa đủ căn cứ", NOW));
        }

        @Test
        @DisplayName("the requester may not deny their own request either")
        void deniedByTheRequester() {
            fixture.given(named(), requested())
                    .when(deny(STAFF))
                    .expectNoEvents()
                    .expectException(failure(ForbiddenException.class, ForbiddenException::messageKey,
                            "identity.ownRequest"));
        }

        @Test
        @DisplayName("an approved request is not decided again, neither approved nor denied")
        void onlyPending() {
            IdentityRevealApproved approved = new IdentityRevealApproved(COMPLAINT, REQUEST, CUSTODIAN, "Có căn cứ", NOW);
            fixture.given(named(), requested(), approved)
                    .when(approve("nguoi-giu-bi-mat-2"))
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, e -> e.messageKey() + " " + e.currentStatus(),
                            "complaint.identityRequestDecided APPROVED"));
            setUp();
            fixture.given(named(), requested(), approved)
                    .when(deny("nguoi-giu-bi-mat-2"))
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, e -> e.messageKey() + " " + e.currentStatus(),
                            "complaint.identityRequestDecided APPROVED"));
        }

        @Test
        @DisplayName("a denied request is not approved afterwards")
        void deniedStaysDenied() {
            fixture.given(named(), requested(),
                            new IdentityRevealDenied(COMPLAINT, REQUEST, CUSTODIAN, "Chưa đủ căn cứ", NOW))
                    .when(approve("nguoi-giu-bi-mat-2"))
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, e -> e.messageKey() + " " + e.currentStatus(),
                            "complaint.identityRequestDecided DENIED"));
        }

        @Test
        @DisplayName("a request that was never made cannot be decided")
        void unknownRequest() {
            fixture.given(named())
                    .when(approve(CUSTODIAN))
                    .expectNoEvents()
                    .expectException(failure(NotFoundException.class, NotFoundException::kind, "identityRequest"));
        }

        @Test
        @DisplayName("a request pending when the identity was erased can be denied but not approved")
        void afterErasure() {
            DenouncerIdentityErased erased = new DenouncerIdentityErased(COMPLAINT, LocalDate.of(2026, 11, 10), "Theo đề nghị");
            fixture.given(named(), requested(), erased)
                    .when(approve(CUSTODIAN))
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, ConflictException::messageKey,
                            "complaint.denouncerErased"));
            setUp();
            fixture.given(named(), requested(), erased)
                    .when(deny(CUSTODIAN))
                    .expectEvents(new IdentityRevealDenied(COMPLAINT, REQUEST, CUSTODIAN, "Chưa đủ căn cứ", NOW));
        }
    }

    @Nested
    @DisplayName("erasing")
    class Erasing {

        @Test
        @DisplayName("erasure is an event naming nobody, and destroys the sealed identity in the vault")
        void erased() {
            fixture.given(named(), requested())
                    .when(new ComplaintCommands.EraseDenouncer(COMPLAINT, LocalDate.of(2026, 11, 20), "Theo đề nghị"))
                    .expectEvents(new DenouncerIdentityErased(COMPLAINT, LocalDate.of(2026, 11, 20), "Theo đề nghị"));
            verify(vault).erase("ref-1");
        }

        @Test
        @DisplayName("an anonymous letter has nothing to erase")
        void anonymousLetter() {
            fixture.given(anonymous())
                    .when(new ComplaintCommands.EraseDenouncer(COMPLAINT, LocalDate.of(2026, 11, 20), "Theo đề nghị"))
                    .expectNoEvents()
                    .expectException(failure(ConflictException.class, ConflictException::messageKey, "complaint.noDenouncer"));
            verifyNoInteractions(vault);
        }
    }

    private static <E extends Throwable> Matcher<E> failure(Class<E> type, Function<E, String> feature, String expected) {
        return new TypeSafeDiagnosingMatcher<>(type) {
            @Override
            protected boolean matchesSafely(E item, Description mismatch) {
                if (!expected.equals(feature.apply(item))) {
                    mismatch.appendText("was ").appendValue(feature.apply(item)).appendText(" in ").appendValue(item);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " with ").appendValue(expected);
            }
        };
    }
}
