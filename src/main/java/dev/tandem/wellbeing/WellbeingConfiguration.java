package dev.tandem.wellbeing;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WellbeingProperties.class)
class WellbeingConfiguration {

    /**
     * Contacts and signals name conversations but hold nothing the customer said: an erasure (or retention that
     * deletes) removes the rows of the customer's conversations, retention that anonymises keeps them as they are.
     */
    @Bean
    CustomerDataTables wellbeingCustomerData() {
        return new CustomerDataTables("wellbeing", List.of(
                Table.ofConversations("wellbeing_contact", "conversation_id", Table.KEEP),
                Table.ofConversations("wellbeing_signal", "conversation_id", Table.KEEP)));
    }
}
