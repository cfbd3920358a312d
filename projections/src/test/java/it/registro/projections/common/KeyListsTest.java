package it.registro.projections.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Key lists: ids of any spelling come back as given, additions are idempotent, a reset marks the lists complete. */
class KeyListsTest {

    private InMemoryMongo mongo;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void idsComeBackAsGivenAndTwiceIsOnce() {
        for (String id : new String[] {"asst-cremona-sc-1", "unit.with.dots", "$dollar", "per cento %", "unit.with.dots"}) {
            KeyLists.add(mongo.template(), "keys", "poas:p1", id);
        }
        assertThat(KeyLists.ids(mongo.template(), "keys", "poas:p1"))
                .containsExactly("asst-cremona-sc-1", "unit.with.dots", "$dollar", "per cento %");
        assertThat(KeyLists.ids(mongo.template(), "keys", "poas:none")).isEmpty();
    }

    @Test
    void listsWrittenBeforeTheyExistedAreNotTrustedUntilAReset() {
        assertThat(KeyLists.complete(mongo.template(), "keys", false)).isFalse();
        KeyLists.clear(mongo.template(), "keys");
        assertThat(KeyLists.complete(mongo.template(), "keys", false)).isTrue();
        assertThat(KeyLists.complete(mongo.template(), "other", true)).isTrue();
        assertThat(KeyLists.complete(mongo.template(), "other", false)).isTrue();
    }
}
