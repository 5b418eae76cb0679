package vn.ubkt.casework.command.cases;

/** The steps a case can take, one per command. */
enum CaseStep {
    OPEN, RECORD_EXPLANATION, RECORD_FINDINGS, CONCLUDE, HEAR, PROPOSE_DISCIPLINE, DECIDE_DISCIPLINE, POSTPONE,
    APPEAL, RESOLVE_APPEAL, TRANSFER, WITHDRAW, CLOSE
}
