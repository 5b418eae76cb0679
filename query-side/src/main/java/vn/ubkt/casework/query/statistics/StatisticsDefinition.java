package vn.ubkt.casework.query.statistics;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class StatisticsDefinition {

    @Bean
    ProjectionDefinition statisticsProjectionDefinition() {
        return new ProjectionDefinition(StatisticsProjection.NAME,
                List.of("stat_counter", "stat_case", "stat_complaint", "stat_applied"), StatisticsProjection::new);
    }
}
