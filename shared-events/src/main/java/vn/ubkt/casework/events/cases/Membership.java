package vn.ubkt.casework.events.cases;

/** Đảng viên chính thức or dự bị. */
public enum Membership { OFFICIAL, PROBATIONARY }
