package vn.ubkt.casework.events.cases;

/** The kinds of case (DOMAIN.md "Case types"), each in its group. */
public enum CaseType {
    /** Kiểm tra khi có dấu hiệu vi phạm. */
    INSPECTION_SIGNS_OF_VIOLATION(Group.INSPECTION),
    /** Kiểm tra việc thực hiện nhiệm vụ, chấp hành. */
    INSPECTION_TASK_PERFORMANCE(Group.INSPECTION),
    /** Kiểm tra việc thi hành kỷ luật của cấp dưới. */
    INSPECTION_DISCIPLINE_ENFORCEMENT(Group.INSPECTION),
    /** Kiểm tra tài chính đảng. */
    INSPECTION_FINANCE(Group.INSPECTION),
    /** Giám sát thường xuyên. */
    SUPERVISION_REGULAR(Group.SUPERVISION),
    /** Giám sát chuyên đề. */
    SUPERVISION_THEMATIC(Group.SUPERVISION),
    /** Giải quyết tố cáo. */
    DENUNCIATION(Group.DENUNCIATION);

    public enum Group { INSPECTION, SUPERVISION, DENUNCIATION }

    private final Group group;

    CaseType(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }
}
