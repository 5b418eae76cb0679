package vn.ubkt.casework.query.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.complaints.ComplaintEvent;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.ComplaintTransferred;
import vn.ubkt.casework.events.complaints.DenouncerIdentityErased;
import vn.ubkt.casework.events.complaints.IdentityRequestId;
import vn.ubkt.casework.events.complaints.IdentityRevealApproved;
import vn.ubkt.casework.events.complaints.IdentityRevealDenied;
import vn.ubkt.casework.events.complaints.IdentityRevealRequested;
import vn.ubkt.casework.query.complaints.IdentityRequests.Status;
import vn.ubkt.casework.query.complaints.IdentityRequests.Verdict;

@DisplayName("Who may read a denouncer's identity, and when, decided from the complaint's events")
class IdentityRequestsTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final ComplaintId COMPLAINT = ComplaintId.of("DT-1");
    private static final Subject ACCUSED = new Subject.Member("57012345", "Hoàng Văn Thắng", Membership.OFFICIAL,
            CommitteeId.of("CB1"), List.of(), null, List.of());
    private static final Instant ASKED = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant APPROVED = Instant.parse("2026-11-20T02:00:00Z");

    private static ComplaintReceived named() {
        return new ComplaintReceived(COMPLAINT, CommitteeId.of("UBKT-TU"), LocalDate.of(2026, 11, 2), false, "ref",
                ACCUSED, "Tố cáo");
    }

    private static IdentityRevealRequested asked(String id, String by, Instant at) {
        return new IdentityRevealRequested(COMPLAINT, IdentityRequestId.of(id), by, "Cần xác minh", at);
    }

    private static IdentityRevealApproved approved(String id, Instant at) {
        return new IdentityRevealApproved(COMPLAINT, IdentityRequestId.of(id), "custodian", "Đồng ý", at);
    }

    private static IdentityRequests fold(ComplaintEvent... events) {
        return IdentityRequests.of(new ArrayList<>(List.of(events)));
    }

    private static Verdict verdict(IdentityRequests requests, String user, Instant now) {
        return requests.revealTo(user, now, DAY).verdict();
    }

    @Test
    @DisplayName("the requester reads from the approval until, but not at, 24 hours after it")
    void lifetime() {
        IdentityRequests requests = fold(named(), asked("R1", "staff", ASKED), approved("R1", APPROVED));

        assertThat(verdict(requests, "staff", APPROVED)).isEqualTo(Verdict.REVEAL);
        assertThat(verdict(requests, "staff", APPROVED.plus(DAY).minusNanos(1))).isEqualTo(Verdict.REVEAL);
        assertThat(verdict(requests, "staff", APPROVED.plus(DAY))).isEqualTo(Verdict.EXPIRED);
        assertThat(requests.requests().get(0).expiresAt(DAY)).isEqualTo(APPROVED.plus(DAY));
        assertThat(requests.requests().get(0).status(APPROVED.plus(DAY), DAY)).isEqualTo(Status.EXPIRED);
    }

    @Test
    @DisplayName("nobody but the requester reads under an approval, not even the custodian who gave it")
    void onlyTheRequester() {
        IdentityRequests requests = fold(named(), asked("R1", "staff", ASKED), approved("R1", APPROVED));

        assertThat(verdict(requests, "custodian", APPROVED)).isEqualTo(Verdict.NO_REQUEST);
        assertThat(verdict(requests, "other-staff", APPROVED)).isEqualTo(Verdict.NO_REQUEST);
    }

    @Test
    @DisplayName("a pending or denied request reveals nothing, and says which it is")
    void undecidedOrDenied() {
        assertThat(verdict(fold(named(), asked("R1", "staff", ASKED)), "staff", APPROVED)).isEqualTo(Verdict.PENDING);
        IdentityRequests denied = fold(named(), asked("R1", "staff", ASKED),
                new IdentityRevealDenied(COMPLAINT, IdentityRequestId.of("R1"), "custodian", "Không", APPROVED));
        assertThat(verdict(denied, "staff", APPROVED)).isEqualTo(Verdict.DENIED);
        assertThat(denied.requests().get(0).status(APPROVED, DAY)).isEqualTo(Status.DENIED);
        assertThat(denied.requests().get(0).decidedBy()).isEqualTo("custodian");
    }

    @Test
    @DisplayName("after an erasure nothing is revealed, whatever was approved")
    void erased() {
        IdentityRequests requests = fold(named(), asked("R1", "staff", ASKED), approved("R1", APPROVED),
                new DenouncerIdentityErased(COMPLAINT, LocalDate.of(2026, 11, 20), "Theo đề nghị"));
        assertThat(verdict(requests, "staff", APPROVED)).isEqualTo(Verdict.ERASED);
    }

    @Test
    @DisplayName("an anonymous letter has nothing to reveal, and an unknown complaint is unknown")
    void anonymousOrUnknown() {
        IdentityRequests anonymous = fold(new ComplaintReceived(COMPLAINT, CommitteeId.of("UBKT-TU"),
                LocalDate.of(2026, 11, 2), true, null, ACCUSED, "Đơn nặc danh"));
        assertThat(verdict(anonymous, "staff", APPROVED)).isEqualTo(Verdict.ANONYMOUS);
        assertThat(verdict(fold(), "staff", APPROVED)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    @DisplayName("a newer approval opens again after an older one expired; the letter's course changes nothing")
    void newerApproval() {
        Instant later = APPROVED.plus(Duration.ofDays(3));
        IdentityRequests requests = fold(named(), asked("R1", "staff", ASKED), approved("R1", APPROVED),
                new ComplaintTransferred(COMPLAINT, LocalDate.of(2026, 11, 21), CommitteeId.of("UBKT-TU"),
                        CommitteeId.of("DU-XA"), "Thẩm quyền"),
                asked("R2", "staff", later.minusSeconds(60)));
        assertThat(verdict(requests, "staff", later)).isEqualTo(Verdict.PENDING);

        requests.apply(approved("R2", later));
        IdentityRequests.Outcome outcome = requests.revealTo("staff", later.plusSeconds(1), DAY);
        assertThat(outcome.verdict()).isEqualTo(Verdict.REVEAL);
        assertThat(outcome.request().requestId()).isEqualTo("R2");
        assertThat(requests.requests()).extracting(r -> r.status(later.plusSeconds(1), DAY))
                .containsExactly(Status.EXPIRED, Status.APPROVED);
    }
}
