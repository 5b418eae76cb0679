package vn.ubkt.casework.command.cases;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.command.rules.RulebookVersion;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.cases.DocumentKind;
import vn.ubkt.casework.events.committees.CommitteeId;

/**
 * Numbers the documents of cases: each issuing body numbers each type of document in sequence for its term
 * ("Số 12-QĐ/UBKTTU", OUTPUTS.md). The sequence is a row of {@code cmd_document_number} raised in the
 * transaction that records the document: a concurrent issue waits for the row, and a refused or failed one
 * rolls its number back, so numbers are consecutive with no gap and no duplicate.
 */
@Component
class DocumentNumbers {

    record Term(String name, LocalDate from) {
    }

    record Settings(List<Term> terms, Map<String, String> symbols, Map<DocumentKind, List<String>> citations) {
    }

    record Number(String number, int serial, String term) {
    }

    private final JdbcClient jdbc;
    private final Settings settings;

    DocumentNumbers(JdbcClient jdbc,
                    @Value("${casework.casefile.documents-location:classpath:casefile/documents.json}") Resource location)
            throws IOException {
        this.jdbc = jdbc;
        try (InputStream in = location.getInputStream()) {
            this.settings = JsonMapper.builder().build().readValue(in, Settings.class);
        }
        if (settings.terms() == null || settings.terms().isEmpty() || settings.symbols() == null) {
            throw new IllegalStateException("the document settings " + location + " name no terms or no symbols");
        }
    }

    /** The term a date falls in: the latest one begun on or before it. */
    String termOn(LocalDate date) {
        return settings.terms().stream().filter(t -> !t.from().isAfter(date)).max(Comparator.comparing(Term::from))
                .or(() -> settings.terms().stream().min(Comparator.comparing(Term::from)))
                .orElseThrow().name();
    }

    /** The issuing body's symbol ("UBKTTU"), by its kind and level; its own code when the settings name none. */
    String symbolOf(CommitteeId issuer, TreeView tree) {
        return tree.node(issuer).map(node -> settings.symbols().get(node.kind().name() + "/" + node.level().name()))
                .orElse(issuer.value());
    }

    /** The "Căn cứ" lines a kind of document cites, in the words of the rulebook version in force. */
    List<String> bases(DocumentKind kind, RulebookVersion rules) {
        List<String> names = settings.citations() == null ? List.of() : settings.citations().getOrDefault(kind, List.of());
        return names.stream().map(rules::documentBasis).flatMap(java.util.Optional::stream).toList();
    }

    /** The next number of the sequence, taken in the caller's transaction. */
    Number next(CommitteeId issuer, DocumentKind kind, LocalDate issuedOn, TreeView tree) {
        String term = termOn(issuedOn);
        int serial = jdbc.sql("""
                insert into cmd_document_number (issuer_id, type_code, term, last_serial) values (:issuer, :type, :term, 1)
                on conflict (issuer_id, type_code, term) do update set last_serial = cmd_document_number.last_serial + 1
                returning last_serial""")
                .param("issuer", issuer.value()).param("type", kind.typeCode()).param("term", term)
                .query(Integer.class).single();
        return new Number(serial + "-" + kind.typeCode() + "/" + symbolOf(issuer, tree), serial, term);
    }
}
