package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@DisplayName("The first start: an administrator with a password printed once, to be changed before anything else")
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIT {

    private static final Pattern PRINTED = Pattern.compile("sign in as 'admin' with the password\\s+(\\S+)");

    @Test
    @DisplayName("the random password is printed once; until it is changed every call but the change answers 403")
    void randomPasswordMustBeChanged(CapturedOutput output) {
        try (RunningApp app = RunningApp.startFirstTime()) {
            Matcher printed = PRINTED.matcher(output.getOut() + output.getErr());
            assertThat(printed.find()).as("the first start prints how to sign in").isTrue();
            String password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(12);
            Http admin = app.http.as("admin", password);

            assertThat(admin.get("/api/me").status()).isEqualTo(200);
            Http.Response blocked = admin.get("/api/users");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().get("type").asString()).endsWith("password-change-required");
            assertThat(admin.post("/api/committees", "{}").status()).isEqualTo(403);

            assertThat(admin.post("/api/users/admin/password", """
                    {"currentPassword": "%s", "newPassword": "chosen-by-the-operator"}""".formatted(password)).status())
                    .isEqualTo(204);
            Http changed = admin.as("admin", "chosen-by-the-operator");
            assertThat(changed.get("/api/users").status()).isEqualTo(200);
            assertThat(admin.get("/api/me").status()).as("the printed password is useless now").isEqualTo(401);
        }
        // a second start with an administrator present creates and prints nothing
        assertThat(PRINTED.matcher(output.getOut()).results().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("with a configured password the administrator is created with it and needs no change")
    void configuredPassword() {
        try (RunningApp app = RunningApp.startBare()) {
            assertThat(app.admin().get("/api/users").status()).isEqualTo(200);
            assertThat(app.admin().get("/api/users/admin").json().get("mustChangePassword").asBoolean()).isFalse();
            // ADMIN sees no case contents
            assertThat(app.admin().get("/api/cases").status()).isEqualTo(403);
            assertThat(app.admin().get("/api/complaints").status()).isEqualTo(403);
        }
    }
}
