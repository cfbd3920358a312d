package it.registro.app.store.engine;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * The per-aggregate hash chain written at append: each event document carries {@code chainPrevious}
 * (the chain hash of the aggregate's previous event, zeros for its first) and {@code chain} =
 * SHA-256(previous ‖ leaf), where the leaf is SHA-256(0x00 ‖ the BSON of the event's own fields in a
 * fixed order). The fields the engine assigns at insert (the global number, commit time) are not in
 * the leaf, so the chain is computed before the number is reserved and the in-flight window stays short.
 */
public final class EventChain {

    public static final String CHAIN = "chain";
    public static final String CHAIN_PREVIOUS = "chainPrevious";
    public static final String NONE = "0".repeat(64);
    static final List<String> FIELDS = List.of("eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type", "timeStamp",
            "payloadType", "payloadRevision", "serializedPayload", "serializedMetaData");
    private static final HexFormat HEX = HexFormat.of();

    private EventChain() {
    }

    public static String leaf(Document event) {
        return HEX.formatHex(sha256(new byte[] {0x00}, canonical(event, FIELDS)));
    }

    /** The BSON encoding of the named fields of a stored document, in that order: what its hashes cover. */
    public static byte[] canonical(Document stored, List<String> fields) {
        Document canonical = new Document();
        fields.forEach(f -> canonical.append(f, stored.get(f)));
        ByteBuffer buffer = new RawBsonDocument(canonical, new DocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    public static String next(String previous, String leaf) {
        return HEX.formatHex(sha256(HEX.parseHex(previous), HEX.parseHex(leaf)));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
