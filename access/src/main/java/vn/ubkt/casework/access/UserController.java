package vn.ubkt.casework.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Users": ADMIN manages people; everyone reads themself and changes their own password. */
@Tag(name = "Users", description = "People, their roles and committees (API.md \"Users\")")
@RestController
class UserController {

    record CreateUserRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,49}", message = "3 to 50 of a-z, 0-9, dot, dash, underscore, starting with a letter or digit") String username,
            @NotBlank @Size(max = 300) String fullName,
            @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = "at least 12 characters") String password,
            @NotEmpty Set<@NotNull Role> roles,
            @NotBlank @Size(max = 100) String committeeId,
            @Size(max = 100) String memberId) {

        /** Spring MVC prints a request body at DEBUG: never the password. */
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", roles=" + roles + ", committeeId=" + committeeId + "]";
        }
    }

    record UpdateUserRequest(@Size(min = 1, max = 300) String fullName, @Size(min = 1) Set<@NotNull Role> roles,
                             @Size(min = 1, max = 100) String committeeId, @Size(max = 100) String memberId,
                             Boolean enabled) {
    }

    record PasswordRequest(@Size(max = Passwords.MAX_LENGTH) String currentPassword,
                           @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = "at least 12 characters")
                           String newPassword) {

        /** Spring MVC prints a request body at DEBUG: never a password. */
        @Override
        public String toString() {
            return "PasswordRequest[passwords not shown]";
        }
    }

    record UserView(String username, String fullName, List<Role> roles, String committeeId, String memberId,
                    boolean enabled, boolean mustChangePassword, Instant lastSignInAt) {

        static UserView of(UserAccounts.UserView user) {
            return new UserView(user.username(), user.fullName(),
                    user.roles().stream().sorted(Comparator.naturalOrder()).toList(), user.committeeId(),
                    user.memberId(), user.enabled(), user.mustChangePassword(), user.lastSignInAt());
        }
    }

    record MeView(String username, String fullName, List<Role> roles, String committeeId, String memberId,
                  boolean national, List<String> jurisdiction) {
    }

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final VerifiedCredentials verified;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final ObjectProvider<Jurisdictions> jurisdictions;

    UserController(UserAccounts users, PasswordEncoder encoder, VerifiedCredentials verified,
                   ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
                   ObjectProvider<Jurisdictions> jurisdictions) {
        this.users = users;
        this.encoder = encoder;
        this.verified = verified;
        this.sessions = sessions;
        this.jurisdictions = jurisdictions;
    }

    @Operation(summary = "Create a user (ADMIN)")
    @PostMapping("/api/users")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest request) {
        requireKnown(request.committeeId());
        boolean created = users.create(request.username(), request.fullName().strip(), encoder.encode(request.password()),
                request.roles(), request.committeeId(), blankToNull(request.memberId()), false);
        if (!created) {
            throw new AccessProblems.UsernameTaken(request.username());
        }
        return ResponseEntity.created(URI.create("/api/users/" + request.username()))
                .body(UserView.of(users.find(request.username()).orElseThrow()));
    }

    @Operation(summary = "Every user, never a password hash (ADMIN)")
    @GetMapping("/api/users")
    List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @Operation(summary = "One user (ADMIN)")
    @GetMapping("/api/users/{username}")
    UserView one(@PathVariable String username) {
        return UserView.of(users.find(username).orElseThrow(() -> new AccessProblems.NoSuchUser(username)));
    }

    @Operation(summary = "Change a user's name, roles, committee, member id or enabled flag; their sessions end (ADMIN)")
    @PatchMapping("/api/users/{username}")
    UserView update(@PathVariable String username, @Valid @RequestBody UpdateUserRequest request) {
        users.find(username).orElseThrow(() -> new AccessProblems.NoSuchUser(username));
        if (request.committeeId() != null) {
            requireKnown(request.committeeId());
        }
        users.update(username, request.fullName(), request.roles(), request.committeeId(),
                blankToNull(request.memberId()), request.enabled(), request.memberId() != null && request.memberId().isBlank());
        // what a session holds of the user is stale now: a disabled user, or one with other roles or another
        // committee, signs in again
        endSessions(username);
        return UserView.of(users.find(username).orElseThrow());
    }

    @Operation(summary = "Change one's own password (with the current one), or reset anyone's (ADMIN)")
    @PostMapping("/api/users/{username}/password")
    ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request) {
        Actor actor = Actor.current();
        boolean self = actor.username().equals(username);
        boolean admin = actor.has(Role.ADMIN);
        if (!self && !admin) {
            throw new AccessProblems.NotYours();
        }
        String hash = users.passwordHash(username);
        if (hash == null) {
            throw new AccessProblems.NoSuchUser(username);
        }
        if (self && (request.currentPassword() == null || !encoder.matches(request.currentPassword(), hash))) {
            throw new AccessProblems.WrongCurrentPassword();
        }
        if (encoder.matches(request.newPassword(), hash)) {
            throw new AccessProblems.SamePassword();
        }
        // a password an administrator set for someone else is theirs to change at the next sign-in
        users.setPassword(username, encoder.encode(request.newPassword()), !self);
        verified.forget(username);
        endSessions(username);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The signed-in user and their jurisdiction")
    @GetMapping("/api/me")
    MeView me() {
        Actor actor = Actor.current();
        Jurisdiction jurisdiction = jurisdictions.orderedStream().findFirst().map(j -> j.of(actor))
                .orElse(Jurisdiction.nothing());
        return new MeView(actor.username(), actor.fullName(), actor.roles().stream().sorted().toList(),
                actor.committeeId(), actor.memberId(), jurisdiction.national(),
                jurisdiction.committees().stream().sorted().toList());
    }

    /** A user works for a committee of the tree; this side's copy of the tree says whether it is one. */
    private void requireKnown(String committeeId) {
        boolean known = jurisdictions.orderedStream().findFirst().map(j -> j.knows(committeeId)).orElse(true);
        if (!known) {
            throw new AccessProblems.UnknownCommittee(committeeId);
        }
    }

    private void endSessions(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
