package vn.ubkt.casework.events.cases;

/**
 * Why a body resolving an appeal changed the decision (forms 14–16 of QĐ 357-QĐ/UBKTTW count three reasons; their
 * wording is not confirmed, U): new facts came to light, the violation was assessed wrongly, or the procedure or the
 * competence was wrong.
 */
public enum AppealChangeReason { NEW_FACTS, WRONG_ASSESSMENT, WRONG_PROCEDURE_OR_COMPETENCE }
