package it.registro.projections.common;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedTest {

    private final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theShownVersionIsTheDocumentsVersionFieldOrMinusOne() {
        mongo.template().getCollection("things").insertOne(new Document("_id", "a").append("version", 4L).append("big", "x".repeat(1000)));
        mongo.template().getCollection("things").insertOne(new Document("_id", "b").append("version", 0));
        mongo.template().getCollection("things").insertOne(new Document("_id", "c"));

        assertThat(Versioned.shown(mongo.template(), "things", "a")).isEqualTo(4L);
        assertThat(Versioned.shown(mongo.template(), "things", "b")).isZero();
        assertThat(Versioned.shown(mongo.template(), "things", "c")).as("a document without a version").isEqualTo(-1L);
        assertThat(Versioned.shown(mongo.template(), "things", "nobody")).isEqualTo(-1L);
        assertThat(Versioned.shown(mongo.template(), "nothing-here", "a")).isEqualTo(-1L);
    }
}
