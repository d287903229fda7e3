package dev.tandem.insight;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/**
 * The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). A
 * summary is the conversation's content in other words: anonymising deletes it. Outcomes and their evidence are
 * counts, times and kinds: anonymising keeps them for the figures (without the link to the customer); a rating
 * keeps its number and loses its comment.
 *
 * <p>The resolution ledger is deliberately not declared: it is the billing record, append-only, and holds no personal
 * data (conversation ids, times, kinds of evidence, the definition version). After an erasure its conversation id
 * points at nothing and identifies no one, and the months already invoiced keep their totals.
 */
@Configuration(proxyBeanMethods = false)
class InsightPrivacy {

    @Bean
    CustomerDataTables insightCustomerData() {
        return new CustomerDataTables("insight", List.of(
                Table.ofConversations("conversation_summary", "conversation_id", null),
                Table.ofConversations("conversation_outcome", "conversation_id", "customer_id = null"),
                Table.ofConversations("outcome_evidence", "conversation_id", Table.KEEP),
                Table.ofConversations("csat_rating", "conversation_id", "comment = null")));
    }
}
