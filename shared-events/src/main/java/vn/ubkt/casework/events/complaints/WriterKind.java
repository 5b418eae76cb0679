package vn.ubkt.casework.events.complaints;

/** Who wrote a letter that names its writer (form 21 of QĐ 357-QĐ/UBKTTW): a party member or a citizen. */
public enum WriterKind { MEMBER, CITIZEN }
