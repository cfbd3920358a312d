package it.registro.projections.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;

import it.registro.projections.comune.ComuneView;
import it.registro.projections.person.PersonView;

/**
 * The holders of a body's seats held by virtue of an office in another body, for the read side: that body's officer
 * when the day begins (Europe/Rome), for the comune they hold a seat for there — what the sessions are judged on
 * (BodyHistory.holderByOffice), so that compositions, roll calls and quorum read the same members.
 */
public final class OfficeHolders {

    private OfficeHolders() {
    }

    /** The body, able from now on to name the holders of its seats held by virtue of office. */
    public static BodyView attach(MongoTemplate mongo, BodyView body) {
        if (body != null && body.getSeats().stream().anyMatch(s -> s.byOffice() != null)) {
            body.officeHolders((seat, day) -> holder(mongo, seat, day));
        }
        return body;
    }

    static Optional<BodyTimeline.Holder> holder(MongoTemplate mongo, BodyView.Seat seat, LocalDate day) {
        BodyView other = mongo.findById(seat.byOffice().bodyId(), BodyView.class);
        if (other == null) {
            return Optional.empty();
        }
        Instant dayBegins = day.atStartOfDay(java.time.ZoneId.of("Europe/Rome")).toInstant();
        return other.getOfficeTerms().stream().filter(t -> t.office() == seat.byOffice().office() && !t.from().isAfter(dayBegins)
                        && (t.to() == null || t.to().isAfter(dayBegins))).reduce((a, b) -> b)
                .map(officer -> {
                    String comune = other.getTerms().stream().filter(t -> officer.personId().equals(t.personId()) && !day.isBefore(t.from())
                            && (t.to() == null || !day.isAfter(t.to()))).map(BodyView.Term::comuneId).filter(Objects::nonNull).findFirst().orElse(null);
                    PersonView person = mongo.findById(officer.personId(), PersonView.class);
                    ComuneView c = comune == null ? null : mongo.findById(comune, ComuneView.class);
                    return new BodyTimeline.Holder(officer.personId(), person == null ? null : person.name(), officer.nameAsRecorded(), comune,
                            c == null ? null : c.populationOn(day).map(ComuneView.Population::population).orElse(null), day, day, null);
                });
    }
}
