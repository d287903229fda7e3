package dev.tandem.routing;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class RoutingPrivacy {

    @Bean
    CustomerDataTables routingCustomerData() {
        return new CustomerDataTables("routing", List.of(
                Table.ofConversations("routing_decision", "conversation_id", Table.KEEP),
                Table.ofConversations("sla_breach", "conversation_id", Table.KEEP)));
    }
}
