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

    IdentityQueryController(IdentityQueries identities) {
        this.identities = identities;
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
