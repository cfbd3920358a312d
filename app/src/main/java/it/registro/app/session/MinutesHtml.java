package it.registro.app.session;

import it.registro.domain.session.api.Outcome;

import java.time.format.DateTimeFormatter;

import java.util.Locale;

import it.registro.domain.body.api.Tally;
import it.registro.projections.session.SessionView;

/** Renders the verbale as a readable HTML page (Italian labels), every value escaped. */
final class MinutesHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ITALIAN);

    private MinutesHtml() {
    }

    static String render(Minutes m) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Verbale ").append(e(m.bodyName())).append(m.number() == null ? "" : " — seduta n. " + e(m.number()))
                .append("</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.45}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}")
                .append(".flag{background:#fff4e5;border-left:4px solid #f0a020;padding:.4rem .6rem;margin:.3rem 0}")
                .append(".state{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;background:#eef}</style></head><body>");
        h.append("<h1>Verbale — ").append(e(m.bodyName())).append("</h1>");
        h.append("<p><span class=\"state\">").append(e(stateLabel(m))).append("</span></p>");
        h.append("<p>Seduta").append(m.number() == null ? "" : " n. " + e(m.number())).append(" del ")
                .append(m.date() == null ? "" : e(m.date().format(DATE)));
        if (m.mode() != null) {
            h.append(", ").append(e(modeLabel(m.mode().name())));
        }
        h.append(".</p><ul>");
        if (m.convocation().protocol() != null) {
            h.append("<li>Convocazione prot. ").append(e(m.convocation().protocol()))
                    .append(m.convocation().protocolDate() == null ? "" : " del " + e(m.convocation().protocolDate().format(DATE)))
                    .append(m.convocation().convener() == null ? "" : ", a firma di " + e(m.convocation().convener())).append("</li>");
        }
        if (m.compositionAct() != null) {
            h.append("<li>Composizione: ").append(e(m.compositionAct())).append("</li>");
        }
        if (m.scheduledStart() != null) {
            h.append("<li>Convocata alle ore ").append(e(m.scheduledStart().toString())).append("</li>");
        }
        if (m.openedAt() != null) {
            h.append("<li>Aperta alle ore ").append(e(m.openedAt().toString())).append("</li>");
        }
        if (m.closedAt() != null) {
            h.append("<li>Chiusa alle ore ").append(e(m.closedAt().toString()))
                    .append(m.closedAsRecorded() == null ? "" : " («" + e(m.closedAsRecorded()) + "»)").append("</li>");
        }
        h.append("</ul>");

        h.append("<h2>Componenti</h2><table><tr><th>Nome</th><th>Presenza</th></tr>");
        for (Minutes.MemberLine line : m.members()) {
            h.append("<tr><td>").append(e(line.name())).append(line.delegate() ? " (delegato)" : "").append("</td><td>")
                    .append(e(statusLabel(line.status()))).append(line.intervals().isEmpty() ? "" : " " + e(String.join(", ", line.intervals())))
                    .append("</td></tr>");
        }
        h.append("</table>");
        if (!m.participants().isEmpty()) {
            h.append("<h2>Partecipano inoltre</h2><ul>");
            m.participants().forEach(p -> h.append("<li>").append(e(p.name())).append(" — ").append(e(p.role())).append("</li>"));
            h.append("</ul>");
        }
        if (!m.chairs().isEmpty()) {
            h.append("<h2>Presidenza della seduta</h2><ul>");
            m.chairs().forEach(c -> h.append("<li>").append(e(c.from() + "–" + c.to())).append(": ").append(e(c.name()))
                    .append(c.labelAsRecorded() == null ? "" : " («" + e(c.labelAsRecorded()) + "»)").append("</li>"));
            h.append("</ul>");
        }
        m.quorumDeclarations().forEach(q -> h.append("<p><em>").append(e(q)).append("</em></p>"));

        h.append("<h2>Ordine del giorno</h2>");
        for (Minutes.ItemSection item : m.items()) {
            h.append("<h3>").append(item.itemNo()).append(". ").append(e(item.titles().get(0))).append("</h3>");
            if (item.titles().size() > 1) {
                h.append("<p>Altra formulazione: ").append(e(String.join("; ", item.titles().subList(1, item.titles().size())))).append("</p>");
            }
            if (item.withdrawn()) {
                h.append("<p>Ritirato.</p>");
            }
            for (Minutes.Decision d : item.decisions()) {
                h.append("<p><strong>").append(e(d.description())).append("</strong>");
                if (d.tally() != null && d.tally().total() > 0) {
                    h.append(" — ").append(e(tally(d.tally())));
                }
                if (d.presentAtVote() != null) {
                    h.append("; presenti al voto ").append(d.presentAtVote());
                }
                if (d.secret()) {
                    h.append("; a scrutinio segreto");
                }
                if (d.rule() != null) {
                    h.append("; regola ").append(e(d.rule())).append(" (v").append(d.ruleSetVersion()).append(", soglia ")
                            .append(d.threshold()).append(")");
                }
                if (d.outcome() != null && d.outcome().official() != null) {
                    h.append(": ").append(d.outcome().official() == Outcome.PASSED ? "approvato" : "non approvato");
                    if (d.outcome().disagree()) {
                        h.append(" (secondo la regola in vigore: ").append(d.outcome().computed() == Outcome.PASSED ? "approvato" : "non approvato")
                                .append(")");
                    }
                }
                if (d.outcomeAsRecorded() != null) {
                    h.append(" — «").append(e(d.outcomeAsRecorded())).append("»");
                }
                if (d.corrected()) {
                    h.append(" <em>(rettificato)</em>");
                }
                h.append("</p>");
            }
            if (!item.presenters().isEmpty()) {
                h.append("<p>Relatori: ").append(e(String.join(", ", item.presenters()))).append("</p>");
            }
            item.followUps().forEach(f -> h.append("<p>Seguito: ").append(e(f)).append("</p>"));
            for (SessionView.Figures f : item.figures()) {
                for (SessionView.TotalCheck c : f.totalChecks()) {
                    h.append("<p>Totale «").append(e(c.statedAsRecorded())).append("»: somma ").append(e(c.computed().toPlainString()))
                            .append(c.passed() ? " — corrisponde" : " — <strong>non corrisponde</strong>").append("</p>");
                }
            }
        }
        if (!m.flags().isEmpty()) {
            h.append("<h2>Discrepanze segnalate</h2>");
            m.flags().forEach(f -> h.append("<div class=\"flag\">").append(e(f.code())).append(": ").append(e(f.message())).append("</div>"));
        }
        if (!m.corrections().isEmpty()) {
            h.append("<h2>Rettifiche</h2><ul>");
            m.corrections().forEach(c -> h.append("<li>").append(e(c.field())).append(": ").append(e(c.previousValue()))
                    .append(" → ").append(e(c.newValue())).append(" (").append(e(c.reason())).append(")</li>"));
            h.append("</ul>");
        }
        if (!m.attachments().isEmpty()) {
            h.append("<h2>Allegati</h2><ul>");
            m.attachments().forEach(a -> h.append("<li>").append(e(a.title())).append(" — ").append(e(a.reference())).append("</li>"));
            h.append("</ul>");
        }
        if (!m.signatures().isEmpty()) {
            h.append("<h2>Firme</h2><ul>");
            m.signatures().forEach(s -> h.append("<li>").append(e(s.labelAsRecorded())).append(": ").append(e(s.name())).append("</li>"));
            h.append("</ul>");
        }
        if (m.url() != null) {
            h.append("<p>Pubblicato il ").append(e(m.publishedOn().format(DATE))).append(" su <a href=\"")
                    .append(e(m.url())).append("\">").append(e(m.url())).append("</a></p>");
        }
        return h.append("</body></html>").toString();
    }

    private static String stateLabel(Minutes m) {
        return switch (m.state()) {
            case DRAFT -> "Bozza";
            case SIGNED -> "Firmato";
            case APPROVED -> "Approvato";
            case PUBLISHED -> "Pubblicato";
        };
    }

    private static String modeLabel(String mode) {
        return switch (mode) {
            case "TELEMATIC" -> "in via telematica";
            case "IN_PERSON" -> "in presenza";
            default -> "in forma mista";
        };
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "PRESENT" -> "presente";
            case "ABSENT" -> "assente";
            default -> "non registrato";
        };
    }

    private static String tally(Tally t) {
        return "favorevoli " + n(t.inFavour()) + ", contrari " + n(t.against()) + ", astenuti " + n(t.abstained());
    }

    private static String n(Integer i) {
        return i == null ? "—" : i.toString();
    }

    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

}
