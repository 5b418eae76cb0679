package vn.ubkt.casework.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/** The users, in PostgreSQL where both sides read them. */
public class UserAccounts implements UserDetailsService {

    /** A user as served: never a password hash. */
    public record UserView(String username, String fullName, Set<Role> roles, String committeeId, String memberId,
                           boolean enabled, boolean mustChangePassword, Instant lastSignInAt) {
    }

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user and their roles in one round trip: every API call signs in, so this is on every request's path. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                select u.username, u.full_name, u.password_hash, u.committee_id, u.member_id, u.enabled,
                       u.must_change_password, array(select r.role from app_user_role r where r.username = u.username)
                from app_user u where u.username = :username""")
                .param("username", username)
                .query((rs, n) -> new SignedInUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        roles((String[]) rs.getArray(8).getArray()), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getBoolean(7)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static Set<Role> roles(String[] names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }

    public Optional<UserView> find(String username) {
        return jdbc.sql("""
                select username, full_name, committee_id, member_id, enabled, must_change_password, last_sign_in_at
                from app_user where username = :username""")
                .param("username", username)
                .query((rs, n) -> view(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class)))
                .optional();
    }

    public List<UserView> all() {
        List<UserView> users = new ArrayList<>();
        jdbc.sql("""
                select username, full_name, committee_id, member_id, enabled, must_change_password, last_sign_in_at
                from app_user order by username""")
                .query((rs, n) -> view(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class)))
                .list().forEach(users::add);
        return users;
    }

    private UserView view(String username, String fullName, String committee, String member, boolean enabled,
                          boolean mustChange, OffsetDateTime lastSignIn) {
        return new UserView(username, fullName, roles(username), committee, member, enabled, mustChange,
                lastSignIn == null ? null : lastSignIn.toInstant());
    }

    private Set<Role> roles(String username) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where username = :username").param("username", username)
                .query(String.class).list().forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }

    /** Creates a user; false when the username is taken. */
    @Transactional
    public boolean create(String username, String fullName, String passwordHash, Set<Role> roles, String committeeId,
                          String memberId, boolean mustChangePassword) {
        int inserted = jdbc.sql("""
                insert into app_user (username, full_name, password_hash, committee_id, member_id, must_change_password)
                values (:username, :fullName, :hash, :committee, :member, :mustChange) on conflict do nothing""")
                .param("username", username).param("fullName", fullName).param("hash", passwordHash)
                .param("committee", committeeId).param("member", memberId).param("mustChange", mustChangePassword)
                .update();
        if (inserted == 0) {
            return false;
        }
        setRoles(username, roles);
        return true;
    }

    @Transactional
    public void update(String username, String fullName, Set<Role> roles, String committeeId, String memberId,
                       Boolean enabled, boolean clearMemberId) {
        if (fullName != null) {
            jdbc.sql("update app_user set full_name = :v where username = :u").param("v", fullName).param("u", username).update();
        }
        if (committeeId != null) {
            jdbc.sql("update app_user set committee_id = :v where username = :u").param("v", committeeId).param("u", username).update();
        }
        if (memberId != null || clearMemberId) {
            jdbc.sql("update app_user set member_id = :v where username = :u").param("v", memberId).param("u", username).update();
        }
        if (enabled != null) {
            jdbc.sql("update app_user set enabled = :v where username = :u").param("v", enabled).param("u", username).update();
        }
        if (roles != null) {
            setRoles(username, roles);
        }
    }

    private void setRoles(String username, Set<Role> roles) {
        jdbc.sql("delete from app_user_role where username = :u").param("u", username).update();
        for (Role role : roles) {
            jdbc.sql("insert into app_user_role (username, role) values (:u, :r)").param("u", username)
                    .param("r", role.name()).update();
        }
    }

    public String passwordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).optional().orElse(null);
    }

    public void setPassword(String username, String passwordHash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = :h, must_change_password = :m where username = :u")
                .param("h", passwordHash).param("m", mustChange).param("u", username).update();
    }

    public boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from app_user_role where role = 'ADMIN')").query(Boolean.class).single();
    }

    /** Records a successful sign-in, at most once a minute per user (API clients sign in on every call). */
    void signedIn(String username) {
        jdbc.sql("""
                update app_user set last_sign_in_at = now()
                where username = :u and (last_sign_in_at is null or last_sign_in_at < now() - interval '1 minute')""")
                .param("u", username).update();
    }
}
