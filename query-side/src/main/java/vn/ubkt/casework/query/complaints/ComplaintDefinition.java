package vn.ubkt.casework.query.complaints;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class ComplaintDefinition {

    @Bean
    ProjectionDefinition complaintProjectionDefinition(JsonMapper json) {
        return new ProjectionDefinition(ComplaintProjection.NAME, List.of("complaint_view", "identity_request_view"),
                jdbc -> new ComplaintProjection(jdbc, json, null));
    }
}
