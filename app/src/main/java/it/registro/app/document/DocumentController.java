package it.registro.app.document;

import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Documents of acts, and the download of any document with its hash. */
@RestController
@Tag(name = "Documents", description = "Files of sessions and acts, kept with their SHA-256")
public class DocumentController {

    /** The SHA-256 the register recorded for the file, beside the RFC 9530 digest of the bytes served. */
    public static final String RECORDED_SHA256 = "Registro-Recorded-SHA256";

    private final Documents documents;

    public DocumentController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/acts/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a document of an act (the signed act, an annex)",
            description = "The body is the file itself, its Content-Type the file's media type; title (and fileName) as query "
                    + "parameters. The SHA-256, size, media type and uploader are recorded in an event.")
    @it.registro.app.web.Creates
    public ResponseEntity<Documents.Uploaded> upload(@PathVariable String id, @RequestParam String title,
                                                     @RequestParam(required = false) String fileName,
                                                     @RequestHeader(value = "Content-Type", required = false) String contentType,
                                                     @RequestBody(required = false) byte[] bytes) {
        Documents.Uploaded uploaded = documents.attachToAct(id, title, fileName, contentType, bytes);
        return ResponseEntity.created(URI.create("/api/documents/" + uploaded.documentId())).body(uploaded);
    }

    @GetMapping(path = "/api/documents/{documentId}")
    @Operation(summary = "Download a document: public for published minutes and adopted acts",
            description = "Repr-Digest (RFC 9530) gives the SHA-256 of the bytes served, Registro-Recorded-SHA256 the one the "
                    + "register recorded when the document was attached; they differ only if the stored file was altered.")
    public ResponseEntity<byte[]> download(@PathVariable String documentId) {
        Documents.Download d = documents.download(documentId);
        return file(d.bytes(), d.entry().mediaType(), d.entry().fileName() == null ? documentId : d.entry().fileName(), d.entry().sha256());
    }

    /** A file response: its media type, an inline name, the digest of the bytes and, when known, the one recorded. */
    public static ResponseEntity<byte[]> file(byte[] bytes, String mediaType, String fileName, String recordedSha256) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mediaType));
        headers.setContentDisposition(ContentDisposition.inline().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build());
        String sha256 = DocumentStore.sha256(bytes);
        headers.set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        if (recordedSha256 != null) {
            headers.set(RECORDED_SHA256, recordedSha256);
        }
        headers.setETag("\"" + sha256 + "\"");
        return ResponseEntity.ok().headers(headers).body(bytes);
    }
}
