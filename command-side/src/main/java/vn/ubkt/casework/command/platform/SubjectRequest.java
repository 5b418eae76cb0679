package vn.ubkt.casework.command.platform;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.committees.CommitteeId;

/** API.md {@code Subject}: an organization, or a member with what the rules need to know of them. */
public record SubjectRequest(
        @NotNull @Pattern(regexp = "ORGANIZATION|MEMBER", message = "must be ORGANIZATION or MEMBER") String type,
        @NotNull @Pattern(regexp = ID) String organizationId,
        @Size(max = 100) String memberId,
        @Size(max = 300) String fullName,
        @OneOf(Membership.class) String membership,
        List<@Pattern(regexp = ID) String> committeeMemberOf,
        @Pattern(regexp = ID) String managedByCommitteeId,
        List<@Size(min = 1, max = 300) String> posts) {

    static final String ID = "[A-Za-z0-9._-]{1,100}";

    @AssertTrue(message = "is required for a MEMBER")
    boolean isMemberIdValid() {
        return !"MEMBER".equals(type) || (memberId != null && !memberId.isBlank());
    }

    @AssertTrue(message = "is required for a MEMBER")
    boolean isFullNameValid() {
        return !"MEMBER".equals(type) || (fullName != null && !fullName.isBlank());
    }

    @AssertTrue(message = "is required for a MEMBER")
    boolean isMembershipValid() {
        return !"MEMBER".equals(type) || membership != null;
    }

    public Subject toSubject() {
        if ("ORGANIZATION".equals(type)) {
            return new Subject.Organization(CommitteeId.of(organizationId));
        }
        return new Subject.Member(memberId.strip(), fullName.strip(), Membership.valueOf(membership),
                CommitteeId.of(organizationId),
                committeeMemberOf == null ? List.of() : committeeMemberOf.stream().map(CommitteeId::of).toList(),
                managedByCommitteeId == null ? null : CommitteeId.of(managedByCommitteeId),
                posts == null ? List.of() : posts.stream().map(String::strip).toList());
    }
}
