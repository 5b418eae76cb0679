package vn.ubkt.casework.events.complaints;

/** Why a letter is not handled as a denunciation (HD 01-HD/UBKTTW 2016, as reported). */
public enum DismissalReason { ANONYMOUS, NOT_SPECIFIC, DUPLICATE_NO_NEW_EVIDENCE, NOT_IN_COMPETENCE, OTHER }
