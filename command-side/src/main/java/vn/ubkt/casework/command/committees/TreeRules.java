package vn.ubkt.casework.command.committees;

import static vn.ubkt.casework.events.committees.CommitteeKind.CELL;
import static vn.ubkt.casework.events.committees.CommitteeKind.CENTRAL_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.DEPARTMENTAL_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.GRASSROOTS_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeKind.PARTY_COMMITTEE;
import static vn.ubkt.casework.events.committees.CommitteeLevel.CENTRAL;
import static vn.ubkt.casework.events.committees.CommitteeLevel.DISTRICT;
import static vn.ubkt.casework.events.committees.CommitteeLevel.GRASSROOTS;
import static vn.ubkt.casework.events.committees.CommitteeLevel.PROVINCIAL;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.ubkt.casework.command.platform.RuleViolationException;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/**
 * Where a node may hang in the tree (Điều lệ Đảng arts. 10–11, ch. V; DOMAIN.md "The organization tree").
 * A standing committee or inspection commission hangs under the committee that elected it, at its level;
 * party organizations hang under a higher-level organization, and since the 2025 reform a commune's
 * grassroots committee may hang directly under the province, so levels may be skipped.
 */
final class TreeRules {

    static final String VERSION = "tree-2025.1";
    static final String SOURCE = "Điều lệ Đảng arts. 10–11; DOMAIN.md \"The organization tree\"";
    static final String DATES_SOURCE = "DOMAIN.md R-DATES";

    private record Placement(Set<CommitteeLevel> levels, Set<CommitteeKind> parents, boolean sameLevelAsParent,
                             boolean mayBeRoot) {
    }

    private static final Map<CommitteeKind, Placement> PLACEMENTS = new EnumMap<>(CommitteeKind.class);

    static {
        PLACEMENTS.put(CENTRAL_COMMITTEE, new Placement(EnumSet.of(CENTRAL), EnumSet.noneOf(CommitteeKind.class), false, true));
        PLACEMENTS.put(CommitteeKind.POLITBURO, new Placement(EnumSet.of(CENTRAL), EnumSet.of(CENTRAL_COMMITTEE), true, false));
        PLACEMENTS.put(CommitteeKind.SECRETARIAT, new Placement(EnumSet.of(CENTRAL), EnumSet.of(CENTRAL_COMMITTEE), true, false));
        PLACEMENTS.put(PARTY_COMMITTEE, new Placement(EnumSet.of(PROVINCIAL, DISTRICT),
                EnumSet.of(CENTRAL_COMMITTEE, PARTY_COMMITTEE), false, true));
        PLACEMENTS.put(CommitteeKind.STANDING_COMMITTEE, new Placement(EnumSet.of(PROVINCIAL, DISTRICT, GRASSROOTS),
                EnumSet.of(PARTY_COMMITTEE, GRASSROOTS_COMMITTEE), true, false));
        // the Central Inspection Commission is elected by the Central Committee
        PLACEMENTS.put(CommitteeKind.INSPECTION_COMMISSION, new Placement(EnumSet.of(CENTRAL, PROVINCIAL, DISTRICT, GRASSROOTS),
                EnumSet.of(CENTRAL_COMMITTEE, PARTY_COMMITTEE, GRASSROOTS_COMMITTEE), true, false));
        PLACEMENTS.put(GRASSROOTS_COMMITTEE, new Placement(EnumSet.of(GRASSROOTS), EnumSet.of(PARTY_COMMITTEE), false, true));
        PLACEMENTS.put(DEPARTMENTAL_COMMITTEE, new Placement(EnumSet.of(GRASSROOTS), EnumSet.of(GRASSROOTS_COMMITTEE), true, false));
        // a cell at CELL level sits in a grassroots or departmental committee; a GRASSROOTS-level cell
        // (chi bộ cơ sở) sits directly under a party committee, and only there (checked in checkPlacement)
        PLACEMENTS.put(CELL, new Placement(EnumSet.of(CommitteeLevel.CELL, GRASSROOTS),
                EnumSet.of(GRASSROOTS_COMMITTEE, DEPARTMENTAL_COMMITTEE, PARTY_COMMITTEE), false, false));
    }

    private TreeRules() {
    }

    static void checkLevel(CommitteeKind kind, CommitteeLevel level) {
        Placement placement = PLACEMENTS.get(kind);
        if (!placement.levels().contains(level)) {
            throw placement("level", "tree.placement.level", kind, level, placement.levels());
        }
    }

    /** Refuses a node of {@code kind}/{@code level} under {@code parent}, or at the root when it is null. */
    static void checkPlacement(CommitteeKind kind, CommitteeLevel level, CommitteeFacts parent, String field) {
        checkLevel(kind, level);
        Placement placement = PLACEMENTS.get(kind);
        if (parent == null) {
            if (!placement.mayBeRoot()) {
                throw placement(field, "tree.placement.root", kind, placement.parents());
            }
            return;
        }
        boolean kindFits = placement.parents().contains(parent.kind())
                && (kind != CELL || (level == GRASSROOTS) == (parent.kind() == PARTY_COMMITTEE));
        boolean levelFits = placement.sameLevelAsParent() ? parent.level() == level : parent.level().isAbove(level);
        if (!kindFits || !levelFits) {
            throw placement(field, placement.sameLevelAsParent() ? "tree.placement.parent.sameLevel" : "tree.placement.parent",
                    kind, level, parent.kind(), parent.level(), placement.parents());
        }
    }

    static void checkNotInFuture(LocalDate date, LocalDate today, String field) {
        if (date != null && date.isAfter(today)) {
            throw new RuleViolationException("R-DATES", DATES_SOURCE, VERSION, field, "dates.future", field, date, today);
        }
    }

    static void checkNotBefore(LocalDate date, LocalDate earliest, String field, String earliestName) {
        if (date != null && earliest != null && date.isBefore(earliest)) {
            throw new RuleViolationException("R-DATES", DATES_SOURCE, VERSION, field, "dates.order",
                    field, date, earliestName, earliest);
        }
    }

    /**
     * A node is moved or dissolved after the day it was established, never on it: on that day it stands as registered
     * (a move that day is a registration under the other parent; a dissolution that day, a node that never stood).
     */
    static void checkNotOnEstablishment(LocalDate date, LocalDate establishedOn, String field) {
        if (date != null && date.equals(establishedOn)) {
            throw new RuleViolationException("R-DATES", DATES_SOURCE, VERSION, field, "tree.dates.onEstablishment",
                    field, date);
        }
    }

    /** A node dissolved without a successor must not leave standing nodes under it: they are moved first. */
    static RuleViolationException childrenProblem(Object node, Object children, LocalDate date) {
        return new RuleViolationException("TREE-CHILDREN", SOURCE, VERSION, "successorId", "tree.dissolve.standingChildren",
                node, children, date);
    }

    static RuleViolationException parentProblem(String field, String key, Object... arguments) {
        return new RuleViolationException("TREE-PARENT", SOURCE, VERSION, field, key, arguments);
    }

    static RuleViolationException successorProblem(String key, Object... arguments) {
        return new RuleViolationException("TREE-SUCCESSOR", SOURCE, VERSION, "successorId", key, arguments);
    }

    static RuleViolationException cycle(Object node, Object parent) {
        return new RuleViolationException("TREE-CYCLE", SOURCE, VERSION, "parentId", "tree.cycle", node, parent);
    }

    private static RuleViolationException placement(String field, String key, Object... arguments) {
        return new RuleViolationException("TREE-PLACEMENT", SOURCE, VERSION, field, key, arguments);
    }
}
