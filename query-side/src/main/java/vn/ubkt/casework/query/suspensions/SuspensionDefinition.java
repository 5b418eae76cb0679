package vn.ubkt.casework.query.suspensions;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class SuspensionDefinition {

    @Bean
    ProjectionDefinition suspensionProjectionDefinition(JsonMapper json) {
        return new ProjectionDefinition(SuspensionProjection.NAME, List.of("suspension_view"),
                jdbc -> new SuspensionProjection(jdbc, json));
    }
}
