package vn.ubkt.casework.query.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.access.vault.DenouncerIdentity;

@Tag(name = "Denouncer's identity (reads)", description = "The identity, to its approved requester only; the requests")
@RestController
class IdentityQueryController {

    private final IdentityQueries identities;

    private final vn.ubkt.casework.query.casefile.StoredFiles files;

    IdentityQueryController(IdentityQueries identities, vn.ubkt.casework.query.casefile.StoredFiles files) {
        this.identities = identities;
        this.files = files;
    }

    @Operation(summary = "The files added to a complaint; one that may reveal the denouncer has a neutral name")
    @GetMapping("/api/complaints/{id}/attachments")
    List<IdentityQueries.ComplaintAttachmentView> attachments(@PathVariable String id) {
        return identities.attachmentsOf(id);
    }

    @Operation(summary = "A file of a complaint as uploaded; one that may reveal the denouncer only to the requester of "
            + "an approved reveal (403 otherwise), recorded as a reveal; 409 if the bytes no longer match their hash")
    @GetMapping("/api/complaints/{id}/attachments/{attachmentId}")
    void attachment(@PathVariable String id, @PathVariable String attachmentId,
                    jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var attachment = identities.attachment(id, attachmentId);
        files.download(new vn.ubkt.casework.query.casefile.StoredFiles.Recorded(attachmentId, attachment.file().name(),
                attachment.file().contentType(), attachment.file().size(), attachment.file().sha256(),
                attachment.file().storageKey()), response);
    }

    record IdentityView(String name, String address, String phone) {

        @Override
        public String toString() {
            return "IdentityView[confidential]";
        }
    }

    @Operation(summary = "The denouncer's identity, to the requester of an approved request within its lifetime "
            + "(24 hours by default); 403 otherwise, 410 once erased. Every reveal is in the read audit")
    @GetMapping("/api/complaints/{id}/identity")
    ResponseEntity<IdentityView> identity(@PathVariable String id) {
        DenouncerIdentity identity = identities.reveal(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new IdentityView(identity.name(), identity.address(), identity.phone()));
    }

    @Operation(summary = "The requests to reveal this complaint's denouncer, oldest first, with their status now")
    @GetMapping("/api/complaints/{id}/identity-requests")
    List<IdentityRequestView> requests(@PathVariable String id) {
        return identities.requestsOf(id);
    }

    @Operation(summary = "The custodians' queue: requests on the complaints inside the user's jurisdiction, oldest first; "
            + "status = PENDING | APPROVED | DENIED | EXPIRED")
    @GetMapping("/api/identity-requests")
    List<IdentityRequestView> queue(@RequestParam(required = false) String status) {
        if (status != null && Arrays.stream(IdentityRequests.Status.values()).noneMatch(s -> s.name().equals(status))) {
            throw new IllegalArgumentException("status must be one of " + Arrays.toString(IdentityRequests.Status.values()));
        }
        return identities.queue(status == null ? null : IdentityRequests.Status.valueOf(status));
    }
}
