package vn.ubkt.casework.query.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.platform.NotFoundException;

@Tag(name = "Integrity", description = "The event store sealed into a Merkle log (RFC 6962), signed checkpoints, proofs, verification")
@RestController
class IntegrityController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final Ledger ledger;
    private final Checkpoints checkpoints;
    private final Sealer sealer;
    private final Verifier verifier;

    IntegrityController(Ledger ledger, Checkpoints checkpoints, Sealer sealer, Verifier verifier) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.sealer = sealer;
        this.verifier = verifier;
    }

    @Operation(summary = "The latest checkpoint as a signed note (C2SP tlog-checkpoint); issued on demand when the log grew since")
    @GetMapping(value = "/api/integrity/checkpoint", produces = {"text/plain", "application/problem+json"})
    ResponseEntity<?> checkpoint() {
        if (checkpoints.key().isEmpty()) {
            return unavailable("No checkpoint signing key is configured: checkpoints are not issued");
        }
        return checkpoints.latest(true).<ResponseEntity<?>>map(note -> ResponseEntity.ok().contentType(TEXT).body(note))
                .orElseThrow(() -> new NotFoundException("checkpoint", "latest"));
    }

    @Operation(summary = "The key that verifies the checkpoints, in signed-note verifier format")
    @GetMapping(value = "/api/integrity/key", produces = {"text/plain", "application/problem+json"})
    ResponseEntity<?> key() {
        return checkpoints.key().<ResponseEntity<?>>map(key -> ResponseEntity.ok().contentType(TEXT)
                        .body(key.verifierKey() + "\n"))
                .orElseGet(() -> unavailable("No checkpoint signing key is configured"));
    }

    record InclusionView(long leafIndex, long treeSize, String leafHash, String rootHash, List<String> hashes) {
    }

    @Operation(summary = "The inclusion proof (RFC 6962 audit path) of the event at a global index in the tree of treeSize leaves")
    @GetMapping("/api/integrity/inclusion")
    InclusionView inclusion(@RequestParam long globalIndex, @RequestParam(required = false) Long treeSize) {
        long leafIndex = ledger.leafIndexOf(globalIndex)
                .orElseThrow(() -> new NotFoundException("sealed event", String.valueOf(globalIndex)));
        long size = treeSize != null ? treeSize : checkpoints.latestSize();
        long sealed = ledger.size();
        if (size <= leafIndex || size > sealed) {
            throw new IllegalArgumentException("treeSize must be above the event's leaf index " + leafIndex
                    + " and at most the sealed size " + sealed);
        }
        MerkleTree.Nodes nodes = ledger.nodes();
        return new InclusionView(leafIndex, size, base64(nodes.node(0, leafIndex)), base64(MerkleTree.root(size, nodes)),
                MerkleTree.inclusionProof(leafIndex, size, nodes).stream().map(IntegrityController::base64).toList());
    }

    record ConsistencyView(long from, long to, String fromRoot, String toRoot, List<String> hashes) {
    }

    @Operation(summary = "The consistency proof (RFC 6962) that the tree of `from` leaves is a prefix of the tree of `to` leaves")
    @GetMapping("/api/integrity/consistency")
    ConsistencyView consistency(@RequestParam long from, @RequestParam long to) {
        long sealed = ledger.size();
        if (from < 0 || from > to || to > sealed) {
            throw new IllegalArgumentException("0 <= from <= to <= " + sealed + " (the sealed size) is required");
        }
        MerkleTree.Nodes nodes = ledger.nodes();
        return new ConsistencyView(from, to, base64(MerkleTree.root(from, nodes)), base64(MerkleTree.root(to, nodes)),
                MerkleTree.consistencyProof(from, to, nodes).stream().map(IntegrityController::base64).toList());
    }

    record VerifyRequest(String checkpoint) {
    }

    @Operation(summary = "Recompute the log from the event rows and compare with the sealed log and the checkpoints (stored, and the one given)")
    @PostMapping("/api/integrity/verify")
    Verifier.Result verify(@RequestBody(required = false) VerifyRequest request) throws SQLException {
        return verifier.verify(request == null ? null : request.checkpoint());
    }

    record StatusView(String sealer, long treeSize, Long sealedThrough, long head, long lag, long gapIndexes,
                      Instant waitingAtGapSince, Long checkpointTreeSize, Instant checkpointIssuedAt, boolean signing,
                      String checkpointFile, Double sealingEventsPerSecond) {
    }

    @Operation(summary = "The sealer: its state, what it has sealed, its lag behind the event store, the last checkpoint")
    @GetMapping("/api/integrity/status")
    StatusView status() {
        Ledger.Status status = ledger.status();
        var latest = ledger.latestCheckpoint();
        long sealedThrough = status.sealedThrough() == null ? 0 : status.sealedThrough();
        return new StatusView(sealer.state().name(), status.treeSize(), status.sealedThrough(), status.head(),
                Math.max(0, status.head() - Math.max(sealedThrough, status.gapThrough())), status.gaps(),
                sealer.gapSince(), latest.map(Ledger.StoredCheckpoint::treeSize).orElse(null),
                latest.map(Ledger.StoredCheckpoint::issuedAt).orElse(null), checkpoints.key().isPresent(),
                checkpoints.file().map(Object::toString).orElse(null), sealer.lastRate() > 0 ? sealer.lastRate() : null);
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("urn:ubkt:casework:problem:integrity-unavailable"));
        problem.setTitle("Integrity checkpoints unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", String.valueOf(Duration.ofMinutes(5).toSeconds())).body(problem);
    }
}
