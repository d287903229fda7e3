package dev.tandem.quality;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/**
 * The tables of this module that hold customers' data, for export, erasure and retention (module privacy). A
 * verdict's quote is the customer's or the agent's own words: anonymising removes it and keeps the verdict for the
 * figures. Scores, reviews and disputes are verdicts, times and the agents' words about their work: kept.
 */
@Configuration(proxyBeanMethods = false)
class QualityPrivacy {

    @Bean
    CustomerDataTables qualityCustomerData() {
        return new CustomerDataTables("quality", List.of(
                Table.ofConversations("quality_verdict", "conversation_id", "quote = null"),
                Table.ofConversations("quality_score", "conversation_id", Table.KEEP),
                Table.ofConversations("quality_review", "conversation_id", Table.KEEP),
                Table.ofConversations("quality_dispute", "conversation_id", Table.KEEP)));
    }
}
