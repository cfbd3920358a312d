package it.registro.app.store.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.Document;

/**
 * The per-aggregate hash chain written at append: each event document carries {@code chainPrevious}
 * (the chain hash of the aggregate's previous event, zeros for its first) and {@code chain} =
 * SHA-256(previous ‖ leaf), where the leaf is SHA-256(0x00 ‖ the BSON of the event's own fields in a
 * fixed order). The fields the engine assigns at insert (the global number, commit time) are not in
 * the leaf, so the chain is computed before the number is reserved and the in-flight window stays short.
 * <p>
 * The canonical BSON of a set of fields is cut from the document's own bytes (each field's element as
 * stored, in the given order; a missing field as a BSON null), so a hash covers exactly the bytes the
 * store holds, and verifying it decodes no string. The engine refuses text that would not survive the
 * trip to the store byte for byte (see {@link #encodable}).
 */
public final class EventChain {

    public static final String CHAIN = "chain";
    public static final String CHAIN_PREVIOUS = "chainPrevious";
    public static final String NONE = "0".repeat(64);
    static final List<String> FIELDS = List.of("eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type", "timeStamp",
            "payloadType", "payloadRevision", "serializedPayload", "serializedMetaData");
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private EventChain() {
    }

    public static String leaf(Document event) {
        return leaf(raw(event));
    }

    public static String leaf(RawBsonDocument event) {
        return HEX.formatHex(sha256(new byte[] {0x00}, canonical(event, FIELDS)));
    }

    /** The BSON bytes of a document as the driver sends them. */
    public static RawBsonDocument raw(Document document) {
        return new RawBsonDocument(document, new DocumentCodec());
    }

    /** The BSON encoding of the named fields of a document, in that order: what its hashes cover. */
    public static byte[] canonical(Document stored, List<String> fields) {
        return canonical(raw(stored), fields);
    }

    /**
     * The named fields' elements cut from the stored bytes, in the order given, framed as one BSON
     * document: the same bytes as encoding a new document of those fields, without decoding any value.
     */
    public static byte[] canonical(RawBsonDocument stored, List<String> fields) {
        ByteBuffer buffer = stored.getByteBuffer().asNIO().order(ByteOrder.LITTLE_ENDIAN);
        byte[][] elements = new byte[fields.size()][];
        try (BsonBinaryReader reader = new BsonBinaryReader(buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN))) {
            reader.readStartDocument();
            while (true) {
                int elementStart = reader.getBsonInput().getPosition();
                BsonType type = reader.readBsonType();
                if (type == BsonType.END_OF_DOCUMENT) {
                    break;
                }
                String name = reader.readName();
                reader.skipValue();
                int index = fields.indexOf(name);
                if (index >= 0 && elements[index] == null) {
                    int elementEnd = reader.getBsonInput().getPosition();
                    byte[] element = new byte[elementEnd - elementStart];
                    buffer.duplicate().position(elementStart).get(element); // reader positions are the buffer's own
                    elements[index] = element;
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.getByteBuffer().remaining());
        out.writeBytes(new byte[4]);
        for (int i = 0; i < fields.size(); i++) {
            if (elements[i] != null) {
                out.writeBytes(elements[i]);
            } else {
                out.write(BsonType.NULL.getValue());
                out.writeBytes(fields.get(i).getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
        }
        out.write(0);
        byte[] bytes = out.toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, bytes.length);
        return bytes;
    }

    public static String next(String previous, String leaf) {
        return HEX.formatHex(sha256(HEX.parseHex(previous), HEX.parseHex(leaf)));
    }

    /**
     * Whether a text is a sequence of Unicode scalar values (no lone surrogate): such text has one UTF-8
     * encoding, so what is hashed before the insert is byte for byte what the store keeps. A lone
     * surrogate is not (the store replaced it, and the chain no longer verified).
     */
    public static boolean encodable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest d = SHA256.get();
        d.reset();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }
}
