package vn.ubkt.casework.access;

import java.util.Set;

/**
 * The committees whose cases and complaints a user may see (API.md, "Jurisdiction"): the subtree, as the tree
 * stands today, of the user's committee or of the party committee that elected it, with dissolved nodes under
 * their successors. The Central Committee's bodies see the whole party.
 */
public record Jurisdiction(boolean national, Set<String> committees) {

    public Jurisdiction {
        committees = Set.copyOf(committees);
    }

    public static Jurisdiction wholeParty() {
        return new Jurisdiction(true, Set.of());
    }

    public static Jurisdiction nothing() {
        return new Jurisdiction(false, Set.of());
    }

    public boolean includes(String committeeId) {
        return national || (committeeId != null && committees.contains(committeeId));
    }

    /** For {@code committee_id = any(:ids)} in SQL; meaningful only when not {@link #national()}. */
    public String[] ids() {
        return committees.toArray(String[]::new);
    }
}
