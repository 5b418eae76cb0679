package vn.ubkt.casework.query.committeetree;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

@Configuration(proxyBeanMethods = false)
class CommitteeTreeDefinition {

    @Bean
    ProjectionDefinition committeeTreeProjectionDefinition() {
        return new ProjectionDefinition(CommitteeTreeProjection.NAME, List.of("committee_node", "committee_parent_link"),
                CommitteeTreeProjection::new);
    }
}
