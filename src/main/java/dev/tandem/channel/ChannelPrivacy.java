package dev.tandem.channel;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class ChannelPrivacy {

    @Bean
    CustomerDataTables channelCustomerData() {
        return new CustomerDataTables("channel", List.of(
                // a conversation that is anonymised or deleted can no longer be opened by its customer
                Table.ofConversations("conversation_access", "conversation_id", null)));
    }
}
