package it.registro.domain.body.api;

import java.util.EnumSet;
import java.util.Set;

import static it.registro.domain.body.api.AgencyKind.ASST;
import static it.registro.domain.body.api.AgencyKind.ATS;
import static it.registro.domain.body.api.AgencyKind.AZIENDA_OSPEDALIERA;
import static it.registro.domain.body.api.AgencyKind.REGIONE;

/**
 * Kinds of governance body: the mayors' bodies this register is about, and the organs that issue
 * or review the acts they deal with. Each kind belongs to certain kinds of agency (domain brief §3,
 * seed 004 L557-593): a Conferenza dei Sindaci is an ASST's, the Collegio dei Sindaci an ATS's.
 */
public enum BodyKind {
    CONFERENZA_DEI_SINDACI(Category.MAYORS_BODY, EnumSet.of(ASST)),
    COLLEGIO_DEI_SINDACI(Category.MAYORS_BODY, EnumSet.of(ATS)),
    ASSEMBLEA_DEI_SINDACI_DI_DISTRETTO(Category.MAYORS_BODY, EnumSet.of(ASST)),
    CONSIGLIO_DI_RAPPRESENTANZA(Category.MAYORS_BODY, EnumSet.of(ASST)),
    /** Single-person governing organ of an ATS or ASST; adopts decrees. */
    DIRETTORE_GENERALE(Category.ISSUING_ORGAN, EnumSet.of(ATS, ASST, AZIENDA_OSPEDALIERA)),
    /** The Region's collegial executive; adopts DGRs (e.g. the one approving a POAS). */
    GIUNTA_REGIONALE(Category.ISSUING_ORGAN, EnumSet.of(REGIONE)),
    /** Regional directorate that reviews POAS proposals (not an agency's DG). */
    DIREZIONE_GENERALE_WELFARE(Category.ISSUING_ORGAN, EnumSet.of(REGIONE)),
    /** Another regional directorate that issues decrees (e.g. the former DG Sanità, seed 001 L37). */
    DIREZIONE_GENERALE_REGIONALE(Category.ISSUING_ORGAN, EnumSet.of(REGIONE)),
    COLLEGIO_DI_DIREZIONE(Category.INTERNAL_BODY, EnumSet.of(ATS, ASST)),
    CONSIGLIO_DEI_SANITARI(Category.INTERNAL_BODY, EnumSet.of(ATS, ASST)),
    /** The statutory auditing board: three auditors, never a mayors' body. */
    COLLEGIO_SINDACALE(Category.INTERNAL_BODY, EnumSet.of(ATS, ASST)),
    CABINA_DI_REGIA(Category.INTERNAL_BODY, EnumSet.of(ATS, ASST));

    public enum Category {
        MAYORS_BODY, ISSUING_ORGAN, INTERNAL_BODY
    }

    private final Category category;
    private final Set<AgencyKind> agencyKinds;

    BodyKind(Category category, Set<AgencyKind> agencyKinds) {
        this.category = category;
        this.agencyKinds = agencyKinds;
    }

    public Category category() {
        return category;
    }

    public Set<AgencyKind> agencyKinds() {
        return EnumSet.copyOf(agencyKinds);
    }

    public boolean belongsTo(AgencyKind agencyKind) {
        return agencyKinds.contains(agencyKind);
    }
}
