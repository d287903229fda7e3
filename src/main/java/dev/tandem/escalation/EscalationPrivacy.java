package dev.tandem.escalation;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class EscalationPrivacy {

    @Bean
    CustomerDataTables escalationCustomerData() {
        return new CustomerDataTables("escalation", List.of(
                Table.ofConversations("escalation", "conversation_id", "summary = '[removed]'")));
    }
}
