package vn.ubkt.casework.events.cases;

public enum AppealResult { UPHELD, FORM_REDUCED, FORM_INCREASED, ANNULLED }
