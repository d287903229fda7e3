package dev.tandem.understanding;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class UnderstandingPrivacy {

    @Bean
    CustomerDataTables understandingCustomerData() {
        return new CustomerDataTables("understanding", List.of(
                Table.ofConversations("message_understanding", "conversation_id", "entities = null, cues = null")));
    }
}
