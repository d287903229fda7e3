package dev.tandem.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredUser(UUID id, String username, String displayName, String email, String passwordHash,
            boolean enabled, int maxConcurrent) {
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(this::storedUser).optional();
    }

    Optional<StoredUser> findById(UUID id) {
        return jdbc.sql("select * from app_user where id = ?").param(id).query(this::storedUser).optional();
    }

    Optional<UserSummary> summaryById(UUID id) {
        return findById(id).map(user -> summaries(List.of(user)).get(0));
    }

    Optional<UserSummary> summaryByUsername(String username) {
        return findByUsername(username).map(user -> summaries(List.of(user)).get(0));
    }

    List<UserSummary> allSummaries() {
        return summaries(jdbc.sql("select * from app_user order by display_name").query(this::storedUser).list());
    }

    private List<UserSummary> summaries(List<StoredUser> users) {
        Map<UUID, Set<Role>> roles = grouped("select user_id, role as v from user_role", Role::valueOf);
        Map<UUID, Set<UUID>> teams = grouped("select user_id, team_id as v from user_team", UUID::fromString);
        Map<UUID, Set<String>> languages = grouped("select user_id, language as v from user_language", Function.identity());
        Map<UUID, Set<String>> skills = grouped("select user_id, skill as v from user_skill", Function.identity());
        return users.stream()
            .map(u -> new UserSummary(u.id(), u.username(), u.displayName(), u.email(),
                    roles.getOrDefault(u.id(), Set.of()), teams.getOrDefault(u.id(), Set.of()),
                    languages.getOrDefault(u.id(), Set.of()), skills.getOrDefault(u.id(), Set.of()),
                    u.maxConcurrent(), u.enabled()))
            .toList();
    }

    private <T> Map<UUID, Set<T>> grouped(String sql, Function<String, T> value) {
        Map<UUID, Set<T>> result = new HashMap<>();
        jdbc.sql(sql).query((rs, n) -> {
            result.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> new HashSet<>())
                .add(value.apply(rs.getString("v")));
            return null;
        }).list();
        return result;
    }

    void insert(StoredUser user, Instant createdAt) {
        jdbc.sql("""
                insert into app_user (id, username, display_name, email, password_hash, enabled, max_concurrent, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(user.id(), user.username(), user.displayName(), user.email(), user.passwordHash(),
                    user.enabled(), user.maxConcurrent(), Timestamp.from(createdAt))
            .update();
    }

    void updateProfile(UUID id, String displayName, String email, boolean enabled, int maxConcurrent) {
        jdbc.sql("update app_user set display_name = ?, email = ?, enabled = ?, max_concurrent = ? where id = ?")
            .params(displayName, email, enabled, maxConcurrent, id)
            .update();
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    void replaceRoles(UUID id, Collection<Role> roles) {
        replace("user_role", "role", id, roles.stream().map(Role::name).toList());
    }

    void replaceTeams(UUID id, Collection<UUID> teams) {
        replace("user_team", "team_id", id, List.copyOf(teams));
    }

    void replaceLanguages(UUID id, Collection<String> languages) {
        replace("user_language", "language", id, List.copyOf(languages));
    }

    void replaceSkills(UUID id, Collection<String> skills) {
        replace("user_skill", "skill", id, List.copyOf(skills));
    }

    private void replace(String table, String column, UUID userId, List<?> values) {
        jdbc.sql("delete from " + table + " where user_id = ?").param(userId).update();
        for (Object value : values) {
            jdbc.sql("insert into " + table + " (user_id, " + column + ") values (?, ?)").params(userId, value).update();
        }
    }

    private StoredUser storedUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getInt("max_concurrent"));
    }
}
