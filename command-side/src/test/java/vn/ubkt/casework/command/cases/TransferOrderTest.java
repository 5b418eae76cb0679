package vn.ubkt.casework.command.cases;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.TransferCause;

/** R-DATES after a transfer: the case's steps keep their order across the committees that hold it. */
class TransferOrderTest extends CaseTestBase {

    private static final LocalDate TRANSFERRED_ON = LocalDate.of(2026, 3, 2);
    private static final List<TeamMember> TEAM = List.of(new TeamMember("KT-1", "Phạm Thị Thu Hà"));

    private CaseTransferred transferred() {
        return new CaseTransferred(CASE, TRANSFERRED_ON, UBKT_TU, UBKT_XA, "Chuyển cấp có thẩm quyền", TransferCause.TRANSFER);
    }

    @Test
    @DisplayName("a case cannot be opened on a date before it was transferred")
    void notBeforeTheTransfer() {
        fixture.given(planned(MEMBER), transferred())
                .when(new CaseCommands.OpenCase(CASE, LocalDate.of(2026, 2, 16), "QĐ 12-QĐ/UBKT", TEAM, "KT-1"))
                .expectException(violating("R-DATES", "case.dates.order"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a case can be opened on the day it was transferred")
    void onTheDayOfTheTransfer() {
        fixture.given(planned(MEMBER), transferred())
                .when(new CaseCommands.OpenCase(CASE, TRANSFERRED_ON, "QĐ 12-QĐ/UBKT", TEAM, "KT-1"))
                .expectEvents(new CaseOpened(CASE, TRANSFERRED_ON, "QĐ 12-QĐ/UBKT", TEAM, "KT-1"));
    }
}
