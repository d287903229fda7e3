package dev.tandem.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ArticleRepository {

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Article> findById(UUID id) {
        return jdbc.sql("select * from article where id = ?").param(id).query(ArticleRepository::article).optional();
    }

    Optional<Article> findBySlug(String slug) {
        return jdbc.sql("select * from article where slug = ?").param(slug).query(ArticleRepository::article)
            .optional();
    }

    List<Article> findAll() {
        return jdbc.sql("select * from article order by slug").query(ArticleRepository::article).list();
    }

    List<Article> findByStatus(ArticleStatus status) {
        return jdbc.sql("select * from article where status = ? order by slug").param(status.name())
            .query(ArticleRepository::article).list();
    }

    /** The current version of every published article, by id: what the index should hold. */
    /** What the index follows of each published article: its version and the version of its questions. */
    record IndexedVersion(int article, int questions) {
    }

    Map<UUID, IndexedVersion> publishedVersions() {
        Map<UUID, IndexedVersion> versions = new HashMap<>();
        jdbc.sql("select id, current_version, questions_version from article where status = ?")
            .param(ArticleStatus.PUBLISHED.name())
            .query(rs -> {
                versions.put(rs.getObject("id", UUID.class),
                        new IndexedVersion(rs.getInt("current_version"), rs.getInt("questions_version")));
            });
        return versions;
    }

    /** Articles matching every given criterion (null criteria match all), by title. */
    List<Article> find(Articles.Filter filter) {
        var sql = new StringBuilder("select * from article where 1 = 1");
        var params = new java.util.ArrayList<Object>();
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.language() != null) {
            sql.append(" and language = ?");
            params.add(filter.language());
        }
        if (filter.audience() != null) {
            sql.append(" and audience = ?");
            params.add(filter.audience().name());
        }
        if (filter.titleContains() != null) {
            sql.append(" and lower(title) like ? escape '\\'");
            params.add("%" + filter.titleContains().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by lower(title), slug");
        return jdbc.sql(sql.toString()).params(params).query(ArticleRepository::article).list();
    }

    List<Article> findTranslationsOf(UUID original) {
        return jdbc.sql("select * from article where translation_of = ? order by language, slug").param(original)
            .query(ArticleRepository::article).list();
    }

    long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    void insert(Article a) {
        jdbc.sql("""
                insert into article (id, slug, title, body, tags, language, audience, status, translation_of,
                    current_version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(a.id(), a.slug(), a.title(), a.body(), String.join(",", a.tags()), a.language(),
                    a.audience().name(), a.status().name(), a.translationOf(), a.currentVersion(),
                    Timestamp.from(a.createdAt()), Timestamp.from(a.updatedAt()))
            .update();
    }

    /** Compare-and-set on the version: 0 when someone else saved first. */
    int update(Article a, int expectedVersion) {
        return jdbc.sql("""
                update article set slug = ?, title = ?, body = ?, tags = ?, language = ?, audience = ?,
                    translation_of = ?, current_version = ?, updated_at = ?
                where id = ? and current_version = ?""")
            .params(a.slug(), a.title(), a.body(), String.join(",", a.tags()), a.language(), a.audience().name(),
                    a.translationOf(), a.currentVersion(), Timestamp.from(a.updatedAt()), a.id(), expectedVersion)
            .update();
    }

    int changeStatus(UUID id, ArticleStatus from, ArticleStatus to, Instant at) {
        return jdbc.sql("update article set status = ?, updated_at = ? where id = ? and status = ?")
            .params(to.name(), Timestamp.from(at), id, from.name())
            .update();
    }

    void insertVersion(ArticleVersion v) {
        jdbc.sql("""
                insert into article_version (article_id, version, title, body, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(v.articleId(), v.version(), v.title(), v.body(), v.changedBy(), Timestamp.from(v.changedAt()))
            .update();
    }

    List<ArticleVersion> versions(UUID articleId) {
        return jdbc.sql("select * from article_version where article_id = ? order by version").param(articleId)
            .query(ArticleRepository::version).list();
    }

    Optional<ArticleVersion> version(UUID articleId, int version) {
        return jdbc.sql("select * from article_version where article_id = ? and version = ?")
            .params(articleId, version).query(ArticleRepository::version).optional();
    }

    private static ArticleVersion version(ResultSet rs, int row) throws SQLException {
        return new ArticleVersion(rs.getObject("article_id", UUID.class), rs.getInt("version"), rs.getString("title"),
                rs.getString("body"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }

    static Article article(ResultSet rs, int row) throws SQLException {
        String tags = rs.getString("tags");
        return new Article(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("body"), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                rs.getString("language"), ArticleAudience.valueOf(rs.getString("audience")),
                ArticleStatus.valueOf(rs.getString("status")), rs.getObject("translation_of", UUID.class),
                rs.getInt("current_version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
