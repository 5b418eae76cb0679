package vn.ubkt.casework.events.committees;

/** The kinds of node in the organization tree (DOMAIN.md, "The organization tree"). */
public enum CommitteeKind {
    /** Ban Chấp hành Trung ương. */
    CENTRAL_COMMITTEE,
    /** Bộ Chính trị. */
    POLITBURO,
    /** Ban Bí thư. */
    SECRETARIAT,
    /** Cấp ủy: tỉnh ủy, huyện ủy, đảng ủy khối, đảng ủy trực thuộc. */
    PARTY_COMMITTEE,
    /** Ban Thường vụ cấp ủy. */
    STANDING_COMMITTEE,
    /** Ủy ban Kiểm tra. */
    INSPECTION_COMMISSION,
    /** Đảng ủy cơ sở. */
    GRASSROOTS_COMMITTEE,
    /** Đảng ủy bộ phận. */
    DEPARTMENTAL_COMMITTEE,
    /** Chi bộ. */
    CELL;

    /** Bodies elected by a committee, hanging under it rather than being party organizations of their own. */
    public boolean isElectedBody() {
        return this == STANDING_COMMITTEE || this == INSPECTION_COMMISSION
                || this == POLITBURO || this == SECRETARIAT;
    }
}
