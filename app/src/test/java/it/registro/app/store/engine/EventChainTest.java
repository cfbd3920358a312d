package it.registro.app.store.engine;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventChainTest {

    /** The canonical form by its definition: a new document of the named fields, in order, encoded. */
    private static byte[] byDefinition(Document stored, List<String> fields) {
        Document canonical = new Document();
        fields.forEach(f -> canonical.append(f, stored.get(f)));
        ByteBuffer buffer = new RawBsonDocument(canonical, new DocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    @DisplayName("the canonical bytes cut from the stored document are those of its fields encoded anew, whatever the order, extra or missing fields")
    void canonicalIsTheDefinition() {
        Random random = new Random(7);
        String[] texts = {"Rossi", "Città di Crema — «àèìòù»", "ℝ 𝔸 😀 汉字", "", "riga\nnuova\tcon tab"};
        for (int i = 0; i < 500; i++) {
            Document d = new Document("_id", random.nextLong()).append("aggregateKey", "a:" + i).append("committedAt", new java.util.Date(i));
            List<String> fields = EventChain.FIELDS;
            for (String f : fields) {
                if (random.nextInt(10) == 0) {
                    continue; // missing: a null in the canonical form
                }
                d.append(f, f.equals("sequenceNumber") ? (Object) (long) random.nextInt(1000) : texts[random.nextInt(texts.length)] + i);
            }
            d.append("chain", "ff".repeat(32));
            RawBsonDocument raw = EventChain.raw(d);
            assertThat(EventChain.canonical(raw, fields)).isEqualTo(byDefinition(d, fields));
            List<String> withId = new java.util.ArrayList<>(fields);
            withId.add(0, "_id");
            assertThat(EventChain.canonical(raw, withId)).isEqualTo(byDefinition(d, withId));
        }
    }

    @Test
    @DisplayName("text with a lone surrogate is not encodable; every other Unicode text is")
    void encodable() {
        assertThat(EventChain.encodable("Rossi \udc00")).isFalse();
        assertThat(EventChain.encodable("\ud800")).isFalse();
        assertThat(EventChain.encodable("a\ud800b")).isFalse();
        assertThat(EventChain.encodable("😀 e \u0000 e \u001f")).isTrue();
        assertThat(EventChain.encodable("")).isTrue();
    }
}
