package it.registro.domain.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;
import it.registro.domain.session.api.ParticipantRole;
import it.registro.domain.voting.VotingFloor;

/**
 * Who was in the room of a sitting, and when: members' and delegates' stays (arrival to departure, open
 * while still there), members recorded as absent, and the non-members taking part with a role. It is the
 * room the voting floor asks ({@link VotingFloor.Room}). Changed only by the session's event handlers.
 */
final class Attendance implements VotingFloor.Room {

    /** A stay in the sitting: {@code to} null while still there. */
    record Stay(String arrivalFactId, Instant from, String departureFactId, Instant to) {

        boolean at(Instant t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    private final Map<String, ParticipantRole> participants = new HashMap<>();
    private final Map<String, List<Stay>> stays = new HashMap<>();
    private final Set<String> absent = new HashSet<>();

    @Override
    public boolean presentAt(String personId, Instant at) {
        return stays.getOrDefault(personId, List.of()).stream().anyMatch(s -> s.at(at));
    }

    boolean participant(String personId) {
        return participants.containsKey(personId);
    }

    boolean attended(String personId) {
        return stays.containsKey(personId);
    }

    boolean absent(String personId) {
        return absent.contains(personId);
    }

    /** A new arrival is allowed unless the person is absent or already there at that time. */
    Verdict mayArrive(String personId, Instant at) {
        if (absent.contains(personId)) {
            return Verdict.rejected(Rejection.conflict("MARKED_ABSENT", "personId", "Person " + personId + " is recorded as absent"));
        }
        for (Stay s : stays.getOrDefault(personId, List.of())) {
            if (s.to() == null || at.isBefore(s.to())) {
                return Verdict.rejected(Rejection.conflict("ALREADY_PRESENT", "at", "Person " + personId + " is already present from " + s.from()));
            }
        }
        return Verdict.allowed();
    }

    /** The stay a departure at {@code at} would end. */
    Optional<Stay> openStay(String personId) {
        return stays.getOrDefault(personId, List.of()).stream().filter(s -> s.to() == null).findFirst();
    }

    Optional<Stay> stayOf(String personId, String factId) {
        return stays.getOrDefault(personId, List.of()).stream()
                .filter(s -> factId.equals(s.arrivalFactId()) || factId.equals(s.departureFactId())).findFirst();
    }

    /** A copy with one arrival or departure at another time: the room a correction would leave. */
    Attendance withTime(String personId, String factId, Instant at) {
        Attendance copy = new Attendance();
        copy.participants.putAll(participants);
        stays.forEach((p, list) -> copy.stays.put(p, new ArrayList<>(list)));
        copy.absent.addAll(absent);
        copy.timeCorrected(personId, factId, at);
        return copy;
    }

    // ------------------------------------------------------------------ applied by the event handlers

    void participantRegistered(String personId, ParticipantRole role) {
        participants.put(personId, role);
    }

    void arrived(String personId, String factId, Instant at) {
        stays.computeIfAbsent(personId, k -> new ArrayList<>()).add(new Stay(factId, at, null, null));
    }

    void left(String personId, String factId, Instant at) {
        stays.get(personId).replaceAll(s -> s.to() == null ? new Stay(s.arrivalFactId(), s.from(), factId, at) : s);
    }

    void markedAbsent(String personId) {
        absent.add(personId);
    }

    /** A corrected arrival or departure time. */
    void timeCorrected(String personId, String factId, Instant at) {
        stays.get(personId).replaceAll(s -> factId.equals(s.arrivalFactId()) ? new Stay(s.arrivalFactId(), at, s.departureFactId(), s.to())
                : factId.equals(s.departureFactId()) ? new Stay(s.arrivalFactId(), s.from(), s.departureFactId(), at) : s);
    }
}
