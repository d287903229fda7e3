package dev.tandem.insight;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/**
 * The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). A
 * summary is the conversation's content in other words: anonymising deletes it.
 */
@Configuration(proxyBeanMethods = false)
class InsightPrivacy {

    @Bean
    CustomerDataTables insightCustomerData() {
        return new CustomerDataTables("insight",
                List.of(Table.ofConversations("conversation_summary", "conversation_id", null)));
    }
}
