package vn.ubkt.casework.query.integrity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The leaf of one event row: every column of {@code domain_event_entry} as stored, never re-serialized, in a fixed
 * order and a canonical, unambiguous encoding: a version byte {@code 0x01}, then
 * {@code global_index}, {@code event_identifier}, {@code aggregate_identifier}, {@code sequence_number}, {@code type},
 * {@code time_stamp}, {@code payload_type}, {@code payload_revision}, {@code payload}, {@code meta_data} — a number as
 * 8 bytes big-endian, a text as its UTF-8 bytes and a binary column as its bytes, each of these after a 4-byte
 * big-endian length ({@code -1} for SQL null). The leaf hash is RFC 6962's {@code SHA-256(0x00 || leaf)}.
 *
 * <p>The global index is part of the leaf, so an event moved to another place in the order no longer matches.
 */
public record EventLeaf(long globalIndex, String eventIdentifier, byte[] leafHash) {

    /** The columns, in the order {@link #read} expects them. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private static final byte VERSION = 0x01;

    /** The leaf of the current row of a result set selecting {@link #COLUMNS}. */
    public static EventLeaf read(ResultSet rs) throws SQLException {
        long globalIndex = rs.getLong(1);
        String eventIdentifier = rs.getString(2);
        byte[] data = encode(globalIndex, eventIdentifier, rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
        return new EventLeaf(globalIndex, eventIdentifier, MerkleTree.leafHash(data));
    }

    static byte[] encode(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                         String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                         byte[] metaData) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (payload == null ? 0 : payload.length)
                + (metaData == null ? 0 : metaData.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(globalIndex);
            text(out, eventIdentifier);
            text(out, aggregateIdentifier);
            out.writeLong(sequenceNumber);
            text(out, type);
            text(out, timeStamp);
            text(out, payloadType);
            text(out, payloadRevision);
            binary(out, payload);
            binary(out, metaData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
