package dev.tandem.review;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mode {@code policy} holds what the policy names, {@code supervised} holds every AI reply
 * @param sla how long a held reply may wait for its reviewer; later ones are shown as overdue
 * @param recentArticles a reply quoting an article published or changed this recently is held (0: never)
 * @param minConfidence an answer less confident than this (0-1) is held (0: never)
 * @param sensitiveTopics words and phrases that make a question or a reply sensitive: it is held
 */
@ConfigurationProperties("tandem.review")
record ReviewProperties(@DefaultValue("policy") ReviewMode mode, @DefaultValue("PT10M") Duration sla,
        @DefaultValue("0d") Duration recentArticles, @DefaultValue("0") double minConfidence,
        @DefaultValue({ "lawsuit", "lawyer", "attorney", "legal action", "court", "chargeback", "data breach",
                "allergic reaction", "injury", "injured", "anwalt", "klage", "avocat", "abogado", "demanda" }) List<String> sensitiveTopics) {
}
