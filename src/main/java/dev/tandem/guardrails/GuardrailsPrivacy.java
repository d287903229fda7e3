package dev.tandem.guardrails;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class GuardrailsPrivacy {

    @Bean
    CustomerDataTables guardrailsCustomerData() {
        return new CustomerDataTables("guardrails", List.of(
                Table.ofConversations("guardrail_finding", "conversation_id", Table.KEEP)));
    }
}
