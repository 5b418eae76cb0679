package vn.ubkt.casework.query.committeetree;

/** What a committee's lists and figures cover: the committee alone (with what was dissolved into it), or its subtree. */
public enum Scope {
    OWN, SUBTREE
}
