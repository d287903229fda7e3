package dev.tandem.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Team> findAll() {
        return jdbc.sql("select id, name from team order by name").query(Team.class).list();
    }

    Optional<Team> findById(UUID id) {
        return jdbc.sql("select id, name from team where id = ?").param(id).query(Team.class).optional();
    }

    Optional<Team> findByName(String name) {
        return jdbc.sql("select id, name from team where lower(name) = lower(?)").param(name).query(Team.class).optional();
    }

    void insert(Team team, Instant at) {
        jdbc.sql("insert into team (id, name, created_at) values (?, ?, ?)")
            .params(team.id(), team.name(), Timestamp.from(at))
            .update();
    }

    void rename(UUID id, String name) {
        jdbc.sql("update team set name = ? where id = ?").params(name, id).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from team where id = ?").param(id).update();
    }
}
