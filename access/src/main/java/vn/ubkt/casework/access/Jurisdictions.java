package vn.ubkt.casework.access;

import java.time.LocalDate;
import java.time.ZoneId;

/** Each side answers a user's jurisdiction from its own copy of the tree (see {@link TreeWalk}). */
public interface Jurisdictions {

    /** Business dates are Vietnamese dates. */
    ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    Jurisdiction of(Actor actor);

    /** Whether this side's tree knows the committee (a user is bound to a real one). */
    boolean knows(String committeeId);

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
