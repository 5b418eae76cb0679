package vn.ubkt.casework.events.cases;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import vn.ubkt.casework.events.Require;
import vn.ubkt.casework.events.committees.CommitteeId;

/** What a case concerns: exactly one party organization or one party member. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Subject.Organization.class, name = "ORGANIZATION"),
        @JsonSubTypes.Type(value = Subject.Member.class, name = "MEMBER")})
public sealed interface Subject {

    /** The organization the subject is, or belongs to: where the subject sits in the tree. */
    CommitteeId organizationId();

    record Organization(CommitteeId organizationId) implements Subject {
        public Organization {
            Require.present(organizationId, "organizationId");
        }
    }

    /**
     * A party member as the case knows them: the card number, name, membership, organization, the committees
     * they are an elected member of, the committee managing them as a cadre, and their posts (for DISMISSAL).
     */
    record Member(
            String memberId,
            String fullName,
            Membership membership,
            CommitteeId organizationId,
            List<CommitteeId> committeeMemberOf,
            CommitteeId managedByCommitteeId,
            List<String> posts) implements Subject {

        public Member {
            Require.text(memberId, "memberId");
            Require.text(fullName, "fullName");
            Require.present(membership, "membership");
            Require.present(organizationId, "organizationId");
            committeeMemberOf = committeeMemberOf == null ? List.of() : List.copyOf(committeeMemberOf);
            posts = posts == null ? List.of() : List.copyOf(posts);
        }

        public boolean holdsPost() {
            return !posts.isEmpty();
        }
    }
}
