package it.registro.app.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.registro.app.store.StoreDatabase;
import it.registro.app.support.Api;
import it.registro.app.support.EventCounter;
import it.registro.app.support.RegistroIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More than a thousand malformed, oversized and wrongly typed requests across the write endpoints,
 * sent by a caller allowed to write everywhere: not one may answer 5xx, and not one may store an
 * event. Every request is a valid template broken in one way that no endpoint may accept, drawn from
 * a seeded random generator so that a failure can be replayed.
 */
@RegistroIntegrationTest
class FuzzTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    StoreDatabase storeDatabase;

    private static final String S = "/api/sessions/collegio-dei-sindaci-ats-val-padana-2099-01-01";
    private static final String[][] TEMPLATES = {
            {"/api/bodies", "{\"kind\":\"CONFERENZA_DEI_SINDACI\",\"agency\":{\"kind\":\"ASST\",\"name\":\"ASST Fuzz\"},\"name\":\"Fuzz\"}"},
            {"/api/bodies/collegio-dei-sindaci-ats-val-padana/rename", "{\"name\":\"n\",\"reason\":\"r\",\"effectiveFrom\":\"2024-01-01\"}"},
            {"/api/bodies/collegio-dei-sindaci-ats-val-padana/compositions", "{\"act\":{\"citation\":\"c\"},\"effectiveFrom\":\"2024-01-01\",\"renewal\":true,\"seats\":[{\"role\":\"MAYOR\",\"constituency\":\"c\",\"personId\":\"p\"}]}"},
            {"/api/bodies/collegio-dei-sindaci-ats-val-padana/rule-sets", "{\"name\":\"r\",\"effectiveFrom\":\"2024-01-01\",\"quorum\":{\"kind\":\"FIXED_NUMBER\",\"fixedNumber\":2},\"majority\":{\"kind\":\"MAJORITY_OF_VOTERS_PRESENT\"},\"weighting\":\"HEADCOUNT\",\"delegationAllowed\":true}"},
            {"/api/bodies/collegio-dei-sindaci-ats-val-padana/delegations", "{\"seatId\":\"s\",\"delegatePersonId\":\"p\",\"from\":\"2024-01-01T10:00\",\"to\":\"2024-01-01T12:00\",\"letterRef\":\"l\"}"},
            {"/api/bodies/collegio-dei-sindaci-ats-val-padana/officers", "{\"office\":\"PRESIDENT\",\"personId\":\"p\",\"at\":\"2024-01-01T10:00\",\"tally\":{\"inFavour\":1,\"against\":0,\"abstained\":0}}"},
            {"/api/persons", "{\"name\":\"Fuzz Persona\",\"source\":\"s\"}"},
            {"/api/comuni", "{\"name\":\"Fuzz\",\"province\":\"CR\"}"},
            {"/api/sessions", "{\"bodyId\":\"collegio-dei-sindaci-ats-val-padana\",\"date\":\"2099-01-02\",\"mode\":\"TELEMATIC\"}"},
            {S + "/agenda", "{\"itemNo\":1,\"kind\":\"ELECTION\",\"title\":\"t\"}"},
            {S + "/arrivals", "{\"personId\":\"p\",\"at\":\"2099-01-01T10:00\",\"precision\":\"EXACT\"}"},
            {S + "/votes", "{\"itemNo\":1,\"at\":\"2099-01-01T10:00\",\"mode\":\"OPEN_COUNTS\",\"tally\":{\"inFavour\":1,\"against\":0,\"abstained\":0}}"},
            {S + "/elections", "{\"itemNo\":1,\"office\":\"PRESIDENT\",\"personId\":\"p\",\"at\":\"2099-01-01T10:00\"}"},
            {S + "/designations", "{\"itemNo\":1,\"office\":\"o\",\"candidatureId\":\"k\",\"at\":\"2099-01-01T10:00\",\"basis\":\"UNANIMOUS\",\"ratifyingIssuer\":\"x\"}"},
            {S + "/figures", "{\"itemNo\":1,\"fundingLines\":[{\"lineId\":\"a\",\"amount\":10}],\"totalChecks\":[{\"label\":\"t\",\"lineIds\":[\"a\"],\"stated\":10}]}"},
            {S + "/corrections", "{\"factId\":\"fact-1\",\"field\":\"at\",\"value\":\"2099-01-01T10:00\",\"reason\":\"r\"}"},
            {"/api/poas/poas-none/transposition", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
            {"/api/poas/poas-none/amendments", "{\"actId\":\"none\",\"on\":\"2024-01-01\",\"proposingActId\":\"none\"}"},
            {"/api/poas/poas-none/modifications", "{\"modificationId\":\"m1\",\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
            {"/api/poas/poas-none/modifications/m1/submission", "{\"on\":\"2024-01-01\",\"protocol\":\"p\"}"},
            {"/api/poas/poas-none/modifications/m1/reviews", "{\"on\":\"2024-01-01\",\"outcome\":\"FAVOURABLE\"}"},
            {"/api/poas/poas-none/modifications/m1/approval", "{\"actId\":\"none\",\"on\":\"2024-01-01\"}"},
            {"/api/acts/none/publications", "{\"where\":\"albo\",\"from\":\"2024-01-01\"}"},
            {"/api/bodies/collegio-dei-sindaci-ats-val-padana/successor", "{\"successorBodyId\":\"none\",\"from\":\"2024-01-01\",\"basis\":\"STATED\"}"},
            {"/api/units/existing", "{\"agency\":\"ASST Fuzz\",\"type\":\"SC\",\"code\":\"1\",\"name\":\"n\"}"},
            {"/api/units/activations", "{\"agency\":\"ASST Fuzz\",\"type\":\"SC\",\"code\":\"2\",\"name\":\"n\",\"effectiveRule\":\"DATE\",\"effectiveFrom\":\"2024-01-01\",\"actId\":\"none\"}"},
            {"/api/units/unit-none/closure", "{\"lastDay\":\"2024-01-01\",\"actId\":\"none\"}"},
            {"/api/units/unit-none/predecessors", "{\"predecessorUnitId\":\"x\",\"kind\":\"UPGRADE\",\"basis\":\"INFERRED\"}"},
            {"/api/units/unit-none/placement", "{\"parentUnitId\":\"x\",\"actId\":\"none\"}"},
            {"/api/units/unit-none/moves", "{\"parentUnitId\":\"x\",\"effectiveFrom\":\"2024-01-01\",\"actId\":\"none\"}"},
            {"/api/units/unit-none/renames", "{\"name\":\"n\",\"effectiveFrom\":\"2024-01-01\",\"actId\":\"none\"}"},
            {"/api/proceeding-types", "{\"agency\":{\"kind\":\"ASST\",\"name\":\"ASST Fuzz\"},\"validFrom\":\"2024-01-01\",\"name\":\"P\",\"area\":\"A\",\"inquiryUnit\":{\"asRecorded\":\"U\"},\"termText\":\"30 giorni\",\"silenceAssent\":false,\"substitutePowerHolder\":\"DA\"}"},
            {"/api/proceeding-types/proceeding-type-none/versions", "{\"validFrom\":\"2024-01-01\",\"name\":\"P\",\"area\":\"A\",\"inquiryUnit\":{\"asRecorded\":\"U\"},\"term\":{\"kind\":\"CALENDAR_DAYS\",\"amount\":30},\"silenceAssent\":false,\"substitutePowerHolder\":\"DA\"}"},
            {"/api/proceeding-types/proceeding-type-none/reassignments", "{\"fromUnitId\":\"u\",\"toUnit\":{\"asRecorded\":\"U\"},\"actId\":\"none\",\"effectiveFrom\":\"2024-01-01\"}"},
            {"/api/proceedings", "{\"proceedingTypeId\":\"proceeding-type-none\",\"basis\":\"EX_OFFICIO\",\"on\":\"2024-01-01\"}"},
            {"/api/proceedings/proceeding-none/suspensions", "{\"reason\":\"r\",\"from\":\"2024-01-01\",\"to\":\"2024-01-02\"}"},
            {"/api/proceedings/proceeding-none/conclusion", "{\"on\":\"2024-01-01\",\"note\":\"n\"}"},
            {"/api/proceedings/proceeding-none/inertia", "{\"on\":\"2024-01-01\"}"},
            {"/api/proceedings/proceeding-none/reassignments", "{\"fromUnitId\":\"u\",\"toUnit\":{\"unitId\":\"x\"},\"actId\":\"none\",\"effectiveFrom\":\"2024-01-01\"}"},
            {S + "/minutes/sign", "{\"on\":\"2099-01-02\",\"signatories\":[{\"personId\":\"p\",\"labelAsRecorded\":\"l\"}]}"},
    };

    /** A mutation that no endpoint accepts. */
    private static String mutate(String template, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> template.substring(0, 1 + random.nextInt(template.length() - 1)); // truncated JSON
            case 1 -> template.replaceFirst("\\{", "{\"zz" + random.nextInt(1000) + "\":1,"); // unknown field
            case 2 -> template.replaceFirst(":\"[^\"]*\"", ":" + List.of("123", "true", "[]", "{}", "1.5e308").get(random.nextInt(5))); // text → wrong type
            case 3 -> template.replaceFirst("\"(kind|mode|role|office|basis|precision|weighting)\":\"[A-Z_]+\"", "\"zz\":\"NOT_A_VALUE\"")
                    .replaceFirst("\\{", "{\"qq\":[],"); // bad enum, and in any case an unknown field
            case 4 -> "[" + template + "]"; // an array where an object is expected
            case 5 -> template.replace("}", ",}"); // trailing commas
            case 6 -> "{\"x\":\"" + "\u0000".repeat(random.nextInt(3)) + "\"" + "}".repeat(1 + random.nextInt(3)); // garbage
            default -> template.replaceFirst("\\d{4}-\\d{2}-\\d{2}", List.of("2024-13-01", "01/01/2024", "2024-02-30", "yesterday").get(random.nextInt(4)));
        };
    }

    private static boolean unchanged(String template, String mutated) {
        return template.equals(mutated);
    }

    @Test
    @DisplayName("1,200 broken write requests: no 5xx, no event")
    void brokenRequests() {
        Api api = new Api(port);
        EventCounter events = new EventCounter(mongoClient, storeDatabase);
        long before = events.total();
        Random random = new Random(20261123L);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        while (sent < 1200) {
            String[] t = TEMPLATES[random.nextInt(TEMPLATES.length)];
            int kind = random.nextInt(10);
            Api.Response r;
            if (kind == 0) {
                // oversized: past the 64 KiB limit, with and without a declared length
                String huge = t[1].replaceFirst("\\{", "{\"pad\":\"" + "x".repeat(70_000 + random.nextInt(10_000)) + "\",");
                r = random.nextBoolean() ? api.postJson(t[0], huge)
                        : api.postChunked(t[0], "application/json", huge.getBytes(StandardCharsets.UTF_8));
            } else if (kind == 1) {
                r = api.post(t[0], List.of("text/plain", "application/xml", "application/x-www-form-urlencoded").get(random.nextInt(3)), t[1]);
            } else {
                String mutated = mutate(t[1], random);
                if (unchanged(t[1], mutated)) {
                    continue;
                }
                r = api.postJson(t[0], mutated);
            }
            sent++;
            if (r.status() >= 500 || r.status() < 400) {
                failures.add(r.status() + " " + t[0] + " " + r.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(events.total()).isEqualTo(before);
    }
}
