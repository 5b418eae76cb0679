package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bearer JWTs from the deployment's OpenID Connect provider: a real provider's discovery document and key set,
 * served over HTTP on this machine, and tokens signed with its key.
 */
@DisplayName("API clients with a Bearer JWT from the deployment's OpenID Connect provider")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenIT {

    private HttpServer provider;
    private RSAKey key;
    private String issuer;
    private RunningApp app;
    private AccessFixture tree;

    @BeforeAll
    void start() throws JOSEException, IOException {
        key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/ubkt";
        serve("/realms/ubkt/.well-known/openid-configuration", """
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(issuer, issuer));
        serve("/realms/ubkt/protocol/openid-connect/certs", new JWKSet(key.toPublicJWK()).toString());
        provider.start();
        app = RunningApp.start("casework.security.oidc.issuer-uri=" + issuer);
        tree = new AccessFixture(app).build();
    }

    private void serve(String path, String json) {
        provider.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    void stop() {
        app.close();
        provider.stop(0);
    }

    private String token(RSAKey signer, String issuedBy, Instant expires, String username, List<String> roles,
                         String committeeId) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuedBy).subject("sub-" + username)
                    .claim("preferred_username", username).claim("name", "Người dùng " + username)
                    .claim("roles", roles).claim("committee_id", committeeId)
                    .issueTime(new Date()).expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Response get(String path, String token) {
        return app.http.anonymous().get(path, "Authorization", "Bearer " + token);
    }

    @Test
    @DisplayName("a valid token signs the user in with its roles and committee; its jurisdiction applies")
    void valid() {
        String staff = token(key, issuer, Instant.now().plusSeconds(300), "oidc-staff", List.of("STAFF"), AccessFixture.P1_UBKT);
        Http.Response me = get("/api/me", staff);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("oidc-staff");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"STAFF\"]");
        assertThat(get("/api/cases/" + tree.caseInside, staff).status()).isEqualTo(200);
        assertThat(get("/api/cases/" + tree.caseOutside, staff).status()).isEqualTo(404);
        // and a step it takes is recorded under its username
        Http.Response withdrawn = app.http.anonymous().post("/api/cases/" + tree.caseOfCommune + "/withdraw", """
                {"withdrawnOn": "2026-05-01", "reason": "Không còn căn cứ"}""", "Authorization", "Bearer " + staff);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        String metadata = app.jdbc().sql("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = :id order by sequence_number desc limit 1""")
                .param("id", tree.caseOfCommune).query(String.class).single();
        assertThat(metadata).contains("\"actor\":\"oidc-staff\"", "\"actorCommittee\":\"" + AccessFixture.P1_UBKT + "\"");
        // a VIEWER's token reads no case
        String viewer = token(key, issuer, Instant.now().plusSeconds(300), "oidc-viewer", List.of("VIEWER"), AccessFixture.P1_UBKT);
        assertThat(get("/api/cases", viewer).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("an expired token, one signed by another key or issued by another issuer answers 401")
    void invalid() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        for (String token : List.of(
                token(key, issuer, Instant.now().minusSeconds(600), "oidc-late", List.of("STAFF"), AccessFixture.P1_UBKT),
                token(stranger, issuer, Instant.now().plusSeconds(300), "oidc-forged", List.of("STAFF"), AccessFixture.P1_UBKT),
                token(key, "http://127.0.0.1:1/other", Instant.now().plusSeconds(300), "oidc-other", List.of("STAFF"),
                        AccessFixture.P1_UBKT))) {
            Http.Response answer = get("/api/cases", token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        // and Basic still works beside it
        assertThat(app.http.get("/api/cases").status()).isEqualTo(200);
    }
}
