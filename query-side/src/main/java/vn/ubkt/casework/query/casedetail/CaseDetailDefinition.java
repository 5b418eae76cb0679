package vn.ubkt.casework.query.casedetail;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class CaseDetailDefinition {

    @Bean
    ProjectionDefinition caseDetailProjectionDefinition(NamedParameterJdbcTemplate template, JsonMapper json) {
        return new ProjectionDefinition(CaseDetailProjection.NAME, List.of("case_view", "case_document", "case_deadline",
                        "case_committee", "search_word"),
                // a rebuild's transaction sets its own search path: the shared template writes into the copies
                jdbc -> new CaseDetailProjection(template, json, null))
                // each case's document from its own events; an event of a sequence the document holds changes nothing
                .replayedByAggregate("InspectionCase")
                // a case's region words follow the tree as this side held it when the case was written (RegionWords);
                // a rebuild reads the tree as it stands: the cases are compared without them (the words of every
                // provincial node, and "@", deleted from both sides' vectors; levels never change)
                .comparing("case_view", Map.of(SearchWords.WORDS, withoutRegions(SearchWords.WORDS),
                        SearchWords.PAIRS, withoutRegions(SearchWords.PAIRS)));
    }

    private static String withoutRegions(String column) {
        return "ts_delete(" + column + ", array(select '@' || id from public.committee_node where level = 'PROVINCIAL')"
                + " || array['" + RegionWords.NONE + "'])";
    }
}
