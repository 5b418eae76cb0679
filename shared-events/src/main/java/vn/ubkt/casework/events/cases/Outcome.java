package vn.ubkt.casework.events.cases;

/** What a conclusion found. SIGNS_OF_VIOLATION only ends a supervision, and escalates it. */
public enum Outcome { NO_VIOLATION, SHORTCOMING, VIOLATION, SIGNS_OF_VIOLATION }
