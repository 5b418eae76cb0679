package vn.ubkt.casework.query.statistics;

import java.util.List;
import java.util.Map;
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
                jdbc -> new StatisticsProjection(template),
                // written without their keys by a rebuild's first pass: each batch's counters are added up once the
                // pass ends, the events counted and their facts are each written once
                Map.of("stat_counter", List.of("count"), "stat_applied", List.of(), "stat_fact", List.of()))
                // each case's, complaint's and suspension's facts from its own events, and counters that are sums
                .replayedByAggregate("InspectionCase", "Complaint", "Suspension");
    }
}
