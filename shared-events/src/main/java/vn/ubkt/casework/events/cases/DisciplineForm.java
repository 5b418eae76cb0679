package vn.ubkt.casework.events.cases;

import java.util.List;

/**
 * The forms of party discipline (QĐ 69 art. 7), lightest first within each subject kind. Xóa tên is not a
 * discipline form and is not here.
 */
public enum DisciplineForm {
    /** Khiển trách. */
    REPRIMAND(1),
    /** Cảnh cáo. */
    WARNING(2),
    /** Cách chức: members who hold a post. */
    DISMISSAL(3),
    /** Khai trừ: members. */
    EXPULSION(4),
    /** Giải tán: organizations. */
    DISSOLUTION(4);

    private final int weight;

    DisciplineForm(int weight) {
        this.weight = weight;
    }

    /** Heavier forms have a larger weight; ballots are counted from the heaviest down. */
    public int weight() {
        return weight;
    }

    public static final List<DisciplineForm> MEMBER_FORMS = List.of(REPRIMAND, WARNING, DISMISSAL, EXPULSION);
    public static final List<DisciplineForm> ORGANIZATION_FORMS = List.of(REPRIMAND, WARNING, DISSOLUTION);
}
