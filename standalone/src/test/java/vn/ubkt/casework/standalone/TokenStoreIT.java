package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The processors' positions in {@code token_entry} are written by Axon's JDBC token store (SharedAxon) since
 * docs/BENCHMARKS.md "The processors' token, stored by JDBC"; every store made before was written by Axon's JPA token
 * store. A position either wrote is read by the other, so an upgraded node resumes where it stopped and a node rolled
 * back resumes where the upgraded one got to; and the product's store still honours another node's claim.
 */
@DisplayName("The processors' positions are read and written alike by the token store of today and of earlier versions")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenStoreIT {

    private static final String PROCESSOR = "token-store-compatibility";

    private RunningApp app;
    private TokenStore product;
    private TokenStore earlier;
    private TransactionManager transactions;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        product = app.context.getBean(TokenStore.class);
        transactions = app.context.getBean(TransactionManager.class);
        earlier = JpaTokenStore.builder()
                .entityManagerProvider(app.context.getBean(EntityManagerProvider.class))
                .serializer(app.context.getBean("serializer", Serializer.class))
                .nodeId("an-earlier-node")
                .build();
        transactions.executeInTransaction(() -> product.initializeTokenSegments(PROCESSOR, 2));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    @DisplayName("a position the earlier store wrote is read by today's, and the other way round")
    void bothWays() {
        TrackingToken written = GapAwareTrackingToken.newInstance(4_242, List.of(4_230L, 4_239L));
        transactions.executeInTransaction(() -> {
            earlier.fetchToken(PROCESSOR, 0);
            earlier.storeToken(written, PROCESSOR, 0);
            earlier.releaseClaim(PROCESSOR, 0);
        });

        assertThat(transactions.fetchInTransaction(() -> product.fetchToken(PROCESSOR, 0))).isEqualTo(written);

        TrackingToken further = GapAwareTrackingToken.newInstance(5_000, List.of(4_239L, 4_998L));
        transactions.executeInTransaction(() -> {
            product.storeToken(further, PROCESSOR, 0);
            product.releaseClaim(PROCESSOR, 0);
        });
        assertThat(transactions.fetchInTransaction(() -> earlier.fetchToken(PROCESSOR, 0))).isEqualTo(further);
        assertThat(app.jdbc().sql("select token_type from token_entry where processor_name = ? and segment = 0")
                .param(PROCESSOR).query(String.class).single()).isEqualTo(GapAwareTrackingToken.class.getName());
        transactions.executeInTransaction(() -> earlier.releaseClaim(PROCESSOR, 0));
    }

    @Test
    @DisplayName("a segment another node holds is refused, one it released is taken")
    void claims() {
        transactions.executeInTransaction(() -> earlier.fetchToken(PROCESSOR, 1));
        assertThatThrownBy(() -> transactions.executeInTransaction(() -> product.fetchToken(PROCESSOR, 1)))
                .isInstanceOf(UnableToClaimTokenException.class);

        transactions.executeInTransaction(() -> earlier.releaseClaim(PROCESSOR, 1));
        assertThat(transactions.fetchInTransaction(() -> product.fetchToken(PROCESSOR, 1))).isNull();
        transactions.executeInTransaction(() -> product.releaseClaim(PROCESSOR, 1));
    }
}
