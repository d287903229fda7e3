package dev.tandem.assist;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/**
 * The tables of this module that hold customers' data, for their export, erasure and retention (module privacy):
 * the suggestions shown in a customer's conversations keep their outcome for the figures once anonymised; a past
 * reply learned from a conversation goes with it.
 */
@Configuration(proxyBeanMethods = false)
class AssistPrivacy {

    @Bean
    CustomerDataTables assistCustomerData() {
        return new CustomerDataTables("assist", List.of(
                Table.ofConversations("assist_suggestion", "conversation_id", "text = '[removed]', final_text = null"),
                Table.ofConversations("assist_reply_example", "conversation_id", null)));
    }
}
