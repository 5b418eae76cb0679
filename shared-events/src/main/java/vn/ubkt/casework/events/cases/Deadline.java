package vn.ubkt.casework.events.cases;

import java.time.LocalDate;
import vn.ubkt.casework.events.Require;

/** A time limit a step opens (R-DEADLINES), with the rule and rulebook version that set it. */
public record Deadline(Kind kind, LocalDate dueOn, String rule, String rulebookVersion) {

    public enum Kind {
        /** The disciplined subject may appeal until this date (one month from receiving the decision). */
        APPEAL_WINDOW,
        /** The body resolving an appeal must answer by this date. */
        APPEAL_RESOLUTION,
        /** A denunciation must be resolved by this date. */
        DENUNCIATION_RESOLUTION,
        /** The last day of a suspension of party activity: it ends by itself after it (R-SUSPENSION). */
        SUSPENSION_END
    }

    public Deadline {
        Require.present(kind, "kind");
        Require.present(dueOn, "dueOn");
        Require.text(rule, "rule");
        Require.text(rulebookVersion, "rulebookVersion");
    }
}
