package it.registro.app.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreDatabase;
import it.registro.domain.document.api.StoredDocument;

/**
 * The bytes of the register's documents, in MongoDB's GridFS (bucket {@code documents}) beside the events, each
 * under an id of its own. The SHA-256 computed here goes into the event that attaches the document; the bytes
 * are never changed afterwards, and verification checks them against that event.
 */
@Component
public class DocumentStore {

    public static final String BUCKET = "documents";

    private final GridFSBucket bucket;

    public DocumentStore(MongoClient client, StoreDatabase database) {
        this.bucket = GridFSBuckets.create(client.getDatabase(database.name()), BUCKET);
    }

    /** Stores the bytes and describes them; the caller records the description in an event, or deletes the bytes. */
    public StoredDocument store(byte[] bytes, String fileName, String mediaType, String uploadedBy) {
        String id = "doc-" + UUID.randomUUID();
        String sha256 = sha256(bytes);
        bucket.uploadFromStream(new BsonString(id), fileName == null ? id : fileName, new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(new Document("mediaType", mediaType).append("sha256", sha256)
                        .append("uploadedBy", uploadedBy)));
        return new StoredDocument(id, fileName, mediaType, bytes.length, sha256);
    }

    public Optional<byte[]> read(String documentId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            bucket.downloadToStream(new BsonString(documentId), out);
        } catch (MongoGridFSException missing) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    /** Removes bytes that no event recorded (their command was refused). */
    public void discard(String documentId) {
        try {
            bucket.delete(new BsonString(documentId));
        } catch (MongoGridFSException missing) {
            // nothing stored: nothing to discard
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
