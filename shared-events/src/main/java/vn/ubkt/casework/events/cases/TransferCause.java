package vn.ubkt.casework.events.cases;

public enum TransferCause {
    /** Sent to the competent committee on request. */
    TRANSFER,
    /** A higher body takes over a case a lower body failed to handle. */
    TAKE_OVER,
    /** The committee was dissolved into its successor (DOMAIN.md "The tree changes over time"). */
    DISSOLUTION
}
