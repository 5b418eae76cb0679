package vn.ubkt.casework.command.complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ubkt.casework.command.platform.CommandSender;
import vn.ubkt.casework.command.platform.Uploads;
import vn.ubkt.casework.events.complaints.ComplaintId;
import vn.ubkt.casework.events.files.StoredFile;

@Tag(name = "Complaints (commands)")
@RestController
class ComplaintAttachmentController {

    private final CommandSender commands;
    private final Uploads uploads;

    ComplaintAttachmentController(CommandSender commands, Uploads uploads) {
        this.commands = commands;
        this.uploads = uploads;
    }

    @Operation(summary = "Add a file to a complaint. Unless revealsDenouncer=false is said, it is kept like the "
            + "denouncer's identity: served only to a requester whose reveal was approved")
    @PostMapping("/api/complaints/{id}/attachments")
    ResponseEntity<ComplaintCommands.AttachmentResult> attach(
            @PathVariable @Pattern(regexp = ComplaintController.ID) String id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Size(max = 2000) String description,
            @RequestParam(required = false) @Pattern(regexp = ComplaintController.ID) String supersedes,
            @RequestParam(defaultValue = "true") boolean revealsDenouncer) {
        String attachmentId = UUID.randomUUID().toString();
        StoredFile stored = uploads.store(file);
        if (revealsDenouncer) {
            // events are permanent and shown in the history: a file that may name the denouncer keeps a neutral name
            // there, and no description written about it
            String name = stored.name();
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
            stored = new StoredFile("tep-dinh-kem" + extension.replaceAll("[^.a-z0-9]", ""), stored.contentType(),
                    stored.size(), stored.sha256(), stored.storageKey(), stored.uploadedBy());
            description = null;
        }
        ComplaintCommands.AttachmentResult result = commands.send(new ComplaintCommands.AddComplaintAttachment(
                ComplaintId.of(id), attachmentId, stored, description, supersedes, revealsDenouncer));
        return ResponseEntity.created(URI.create("/api/complaints/" + id + "/attachments/" + attachmentId)).body(result);
    }
}
