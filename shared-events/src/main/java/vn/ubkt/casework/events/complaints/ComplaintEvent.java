package vn.ubkt.casework.events.complaints;

/** Everything that happens to a complaint (đơn thư) at intake. */
public sealed interface ComplaintEvent permits ComplaintReceived, ComplaintAccepted, ComplaintTransferred,
        ComplaintDismissed, DenouncerIdentityErased, IdentityRevealRequested, IdentityRevealApproved,
        IdentityRevealDenied, ComplaintAttachmentAdded {

    ComplaintId complaintId();
}
