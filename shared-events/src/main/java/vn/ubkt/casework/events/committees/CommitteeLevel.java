package vn.ubkt.casework.events.committees;

/** Levels of the tree, highest first; DISTRICT includes đảng ủy cấp trên cơ sở such as an Đảng ủy Khối. */
public enum CommitteeLevel {
    CENTRAL, PROVINCIAL, DISTRICT, GRASSROOTS, CELL;

    public boolean isAbove(CommitteeLevel other) {
        return ordinal() < other.ordinal();
    }
}
