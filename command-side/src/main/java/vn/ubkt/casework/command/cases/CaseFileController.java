package vn.ubkt.casework.command.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ubkt.casework.command.cases.CaseCommands.AttachmentResult;
import vn.ubkt.casework.command.cases.CaseCommands.DocumentResult;
import vn.ubkt.casework.command.cases.CaseCommands.FinalResult;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.command.platform.OneOf;
import vn.ubkt.casework.command.platform.Uploads;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.DocumentKind;

/**
 * The case file's writes (API.md "The case file"): draft a step's document with its number, upload it signed,
 * add evidence. Reads and downloads are the query side's, recorded in the read audit.
 */
@Tag(name = "Case file (commands)", description = "Documents of each step, their signed finals, and evidence")
@RestController
@RequestMapping("/api/cases/{id}")
class CaseFileController {

    private static final String ID = CaseController.ID;

    private final CommandSender commands;
    private final Uploads uploads;

    CaseFileController(CommandSender commands, Uploads uploads) {
        this.commands = commands;
        this.uploads = uploads;
    }

    record IssueRequest(@NotNull @OneOf(DocumentKind.class) String kind, LocalDate issuedOn,
                        @Size(max = 100) String number) {
    }

    @Operation(summary = "Draft a step's document from the case's facts, with the next number of its issuing body "
            + "(or record the number of a document issued outside the product); 422 before the case reached the step")
    @PostMapping(value = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentResult> issue(@PathVariable @Pattern(regexp = ID) String id,
                                         @Valid @RequestBody IssueRequest request) {
        String documentId = UUID.randomUUID().toString();
        DocumentResult result = commands.send(new CaseCommands.IssueDocument(CaseId.of(id), documentId,
                DocumentKind.valueOf(request.kind()), request.issuedOn(), request.number()));
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/documents/" + documentId)).body(result);
    }

    @Operation(summary = "Upload the signed document (a scan, or the final DOCX or PDF): it becomes FINAL")
    // no "consumes": a request that is not an upload still passes the access check first (404 outside), then is a 400
    @PostMapping("/documents/{documentId}/final")
    FinalResult finalize(@PathVariable @Pattern(regexp = ID) String id,
                         @PathVariable @Pattern(regexp = ID) String documentId,
                         @RequestPart("file") MultipartFile file) {
        return commands.send(new CaseCommands.FinalizeDocument(CaseId.of(id), documentId, uploads.store(file)));
    }

    @Operation(summary = "Add evidence to the case file: streamed to the content store, SHA-256 recorded; "
            + "supersedes names the attachment it corrects")
    @PostMapping("/attachments")
    ResponseEntity<AttachmentResult> attach(@PathVariable @Pattern(regexp = ID) String id,
                                            @RequestPart("file") MultipartFile file,
                                            @RequestParam(required = false) @Size(max = 2000) String description,
                                            @RequestParam(required = false) @Pattern(regexp = ID) String supersedes) {
        String attachmentId = UUID.randomUUID().toString();
        AttachmentResult result = commands.send(new CaseCommands.AddAttachment(CaseId.of(id), attachmentId,
                uploads.store(file), description, supersedes));
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/attachments/" + attachmentId)).body(result);
    }
}
