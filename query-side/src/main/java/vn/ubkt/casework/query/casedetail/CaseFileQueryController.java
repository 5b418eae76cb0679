package vn.ubkt.casework.query.casedetail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.casefile.CaseFilePdf;
import vn.ubkt.casework.query.casefile.DocumentDrafter;
import vn.ubkt.casework.query.casefile.DocxRenderer;
import vn.ubkt.casework.query.casefile.OfficialDocument;
import vn.ubkt.casework.query.casefile.PdfRenderer;
import vn.ubkt.casework.query.casefile.StoredFiles;
import vn.ubkt.casework.query.platform.FileAlteredException;
import vn.ubkt.casework.query.platform.NotFoundException;

/**
 * The case file's reads (API.md "The case file"): the index, each document as PDF or DOCX, signed copies and
 * evidence as uploaded (checked against their hash), and the whole file as one PDF. Every one of them passes the
 * read gate, so each download is in the read audit like any other read of the case.
 */
@Tag(name = "Case file (reads)", description = "The index of the case file, its documents, evidence and the whole file as PDF")
@RestController
class CaseFileQueryController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Files larger than this are named in the whole-file PDF, not copied into it (they stay downloadable). */
    private static final long LARGEST_INCLUDED = 20L * 1024 * 1024;

    private final CaseQueries queries;
    private final DocumentDrafter drafter;
    private final CaseFileIndex index;
    private final StoredFiles files;

    CaseFileQueryController(CaseQueries queries, DocumentDrafter drafter, CaseFileIndex index, StoredFiles files) {
        this.queries = queries;
        this.drafter = drafter;
        this.index = index;
        this.files = files;
    }

    @Operation(summary = "The case file in order: every document and attachment (Mục lục hồ sơ); "
            + "Accept: application/pdf gives the whole file as one PDF with a table of contents")
    @GetMapping(value = "/api/cases/{id}/file", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> file(@PathVariable String id, @RequestParam(required = false) Long minVersion,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws InterruptedException {
        CaseDocument doc = document(id, minVersion);
        if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE) && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so-" + id + ".pdf\"")
                    .body(wholeFile(doc));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(index.items(doc));
    }

    @Operation(summary = "A document of the case file drafted from the case's facts: Accept application/pdf (default) or "
            + DOCX + "; application/json gives its entry in the index")
    @GetMapping(value = "/api/cases/{id}/documents/{documentId}",
            produces = {MediaType.APPLICATION_PDF_VALUE, DOCX, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> document(@PathVariable String id, @PathVariable String documentId,
                               @RequestParam(required = false) Long minVersion,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws InterruptedException {
        CaseDocument doc = document(id, minVersion);
        CaseDocument.FileEntry entry = entry(doc, documentId, "DOCUMENT", "document");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(index.items(doc).stream().filter(item -> item.id().equals(documentId)).findFirst().orElseThrow());
        }
        OfficialDocument drafted = drafter.draft(doc, entry);
        String base = entry.kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (entry.number == null ? "" : "-" + entry.number.replaceAll("[^A-Za-z0-9]+", "-"));
        if (accept != null && accept.contains(DOCX)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(DOCX)).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + base + ".docx\"")
                    .body(DocxRenderer.render(drafted));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + base + ".pdf\"")
                .body(PdfRenderer.render(drafted));
    }

    @Operation(summary = "The signed copy of a document, as uploaded (the latest, or ?version=N); 409 if the stored "
            + "bytes no longer match their recorded SHA-256")
    @GetMapping("/api/cases/{id}/documents/{documentId}/final")
    void finalCopy(@PathVariable String id, @PathVariable String documentId,
                   @RequestParam(required = false) Integer version, HttpServletResponse response)
            throws IOException, InterruptedException {
        CaseDocument.FileEntry entry = entry(document(id, null), documentId, "DOCUMENT", "document");
        CaseDocument.StoredFileView stored = entry.finals.stream()
                .filter(f -> f.version() == (version == null ? entry.stored.version() : version)).findFirst()
                .orElseThrow(() -> new NotFoundException("document", documentId + (version == null ? "" : " v" + version)));
        files.download(recorded(documentId, stored), response);
    }

    @Operation(summary = "An attachment of the case file, the bytes as uploaded; 409 problem+json if they no longer "
            + "match their recorded SHA-256")
    @GetMapping("/api/cases/{id}/attachments/{attachmentId}")
    void attachment(@PathVariable String id, @PathVariable String attachmentId, HttpServletResponse response)
            throws IOException, InterruptedException {
        CaseDocument.FileEntry entry = entry(document(id, null), attachmentId, "ATTACHMENT", "attachment");
        files.download(recorded(attachmentId, entry.stored), response);
    }

    private static StoredFiles.Recorded recorded(String id, CaseDocument.StoredFileView stored) {
        return new StoredFiles.Recorded(id, stored.name(), stored.contentType(), stored.size(), stored.sha256(),
                stored.storageKey());
    }

    private static CaseDocument.FileEntry entry(CaseDocument doc, String itemId, String type, String kind) {
        return doc.file.stream().filter(f -> f.id.equals(itemId) && f.type.equals(type)).findFirst()
                .orElseThrow(() -> new NotFoundException(kind, itemId));
    }

    private CaseDocument document(String id, Long minVersion) throws InterruptedException {
        return queries.documentAt(id, minVersion);
    }

    private byte[] wholeFile(CaseDocument doc) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<CaseFilePdf.Item> items = new ArrayList<>();
        for (CaseDocument.FileEntry entry : doc.file) {
            String title = index.name(entry);
            String date = entry.issuedOn != null ? day.format(entry.issuedOn)
                    : day.format(entry.recordedAt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            String sha = entry.stored == null ? null : entry.stored.sha256();
            byte[] pdf = null;
            byte[] image = null;
            String note = null;
            OfficialDocument drafted = null;
            if (entry.stored != null) {
                StoredFiles.Recorded file = recorded(entry.id, entry.stored);
                String type = entry.stored.contentType();
                boolean printable = type.equals(MediaType.APPLICATION_PDF_VALUE) || type.equals("image/png")
                        || type.equals("image/jpeg");
                try {
                    // every file is checked against its hash, printed or not: the archive names what is altered
                    files.verify(file);
                    if (printable && entry.stored.size() <= LARGEST_INCLUDED) {
                        byte[] bytes;
                        try (InputStream in = files.open(file)) {
                            bytes = in.readAllBytes();
                        }
                        if (type.equals(MediaType.APPLICATION_PDF_VALUE)) {
                            pdf = bytes;
                        } else {
                            image = bytes;
                        }
                    } else {
                        note = "Tệp \"" + entry.stored.name() + "\" (" + type + ", " + entry.stored.size()
                                + " byte, SHA-256 " + entry.stored.sha256() + ") được lưu nguyên bản trong hồ sơ điện tử; "
                                + "không in kèm ở đây.";
                    }
                } catch (FileAlteredException e) {
                    note = "CẢNH BÁO: nội dung tệp \"" + entry.stored.name() + "\" trong kho lưu trữ không khớp mã băm "
                            + "SHA-256 đã ghi khi tải lên; tệp không được đưa vào hồ sơ này.";
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if ("DOCUMENT".equals(entry.type) && pdf == null && image == null) {
                drafted = drafter.draft(doc, entry);
                if (note != null && entry.stored != null) {
                    note = "Bản đã ký: " + note;
                }
            }
            items.add(new CaseFilePdf.Item(entry.position, entry.type, title, entry.number, date, sha, drafted, pdf,
                    image, note));
        }
        String subject = doc.subject instanceof vn.ubkt.casework.events.cases.Subject.Member member ? member.fullName()
                : doc.subject.organizationId().value();
        return CaseFilePdf.render("Vụ việc " + doc.id, subject + " — " + doc.content.lines().findFirst().orElse(""), items);
    }
}
