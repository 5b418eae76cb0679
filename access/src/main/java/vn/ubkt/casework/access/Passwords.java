package vn.ubkt.casework.access;

/** API.md: passwords have at least 12 characters (and at most what a hash should be asked to digest). */
final class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private Passwords() {
    }
}
