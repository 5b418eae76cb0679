package vn.ubkt.casework.command.complaints;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.events.complaints.ComplaintId;

/**
 * The confidential store of denouncers' identities. Written in the transaction of the command that
 * received the letter, so a letter is never recorded without its sender or the other way round.
 */
@Component
class DenouncerStore {

    private final JdbcClient jdbc;

    DenouncerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String keep(ComplaintId complaint, ComplaintCommands.Denouncer denouncer) {
        String ref = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into confidential_denouncer (denouncer_ref, complaint_id, name, address, phone)
                values (:ref, :complaint, :name, :address, :phone)""")
                .param("ref", ref).param("complaint", complaint.value()).param("name", denouncer.name())
                .param("address", denouncer.address()).param("phone", denouncer.phone()).update();
        return ref;
    }

    /** Blanks the identity; the row stays to show that there was one and when it was erased. */
    boolean erase(String ref) {
        return jdbc.sql("""
                update confidential_denouncer set name = null, address = null, phone = null, erased_at = now()
                where denouncer_ref = :ref and erased_at is null""")
                .param("ref", ref).update() == 1;
    }
}
