package vn.ubkt.casework.query.casedetail;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class CaseDetailDefinition {

    @Bean
    ProjectionDefinition caseDetailProjectionDefinition(JsonMapper json) {
        return new ProjectionDefinition(CaseDetailProjection.NAME, List.of("case_view", "case_deadline"),
                jdbc -> new CaseDetailProjection(jdbc, json, null));
    }
}
