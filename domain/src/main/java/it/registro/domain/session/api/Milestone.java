package it.registro.domain.session.api;

import java.time.YearMonth;

/** A dated milestone of an information item, as stated ("Dicembre ’22: …"). */
public record Milestone(YearMonth period, String labelAsRecorded, String textAsRecorded, String status, String source) {
}
