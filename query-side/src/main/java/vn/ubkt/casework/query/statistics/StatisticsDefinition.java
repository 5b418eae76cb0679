package vn.ubkt.casework.query.statistics;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class StatisticsDefinition {

    @Bean
    ProjectionDefinition statisticsProjectionDefinition(NamedParameterJdbcTemplate template) {
        return new ProjectionDefinition(StatisticsProjection.NAME,
                List.of("stat_counter", "stat_case", "stat_complaint", "stat_applied", "stat_fact"),
                // a rebuild's transaction sets its own search path: the shared template writes into the copies
                jdbc -> new StatisticsProjection(template));
    }
}
