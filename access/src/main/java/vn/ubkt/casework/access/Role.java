package vn.ubkt.casework.access;

/** What a user may do (API.md, "Identity and access"). A user may hold several; ADMIN never opens a case. */
public enum Role {
    /** Manages users, the committee tree, projections and integrity checks; sees no case or complaint contents. */
    ADMIN,
    /** Commission staff: intake, triage and every case command, reads inside the jurisdiction. */
    STAFF,
    /** Reads cases, complaints without identity, statistics and the read audit; no commands. */
    AUDITOR,
    /** Statistics, reports, targets and the tree only. */
    VIEWER,
    /** Approves or denies looks at a denouncer's identity, erases identities. */
    CUSTODIAN;

    public String authority() {
        return "ROLE_" + name();
    }
}
