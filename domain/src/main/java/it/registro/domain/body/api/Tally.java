package it.registro.domain.body.api;

/** Votes as recorded: any count may be absent (e.g. "all'unanimità" gives none). */
public record Tally(Integer inFavour, Integer against, Integer abstained) {

    public int total() {
        return (inFavour == null ? 0 : inFavour) + (against == null ? 0 : against) + (abstained == null ? 0 : abstained);
    }
}
