package dev.tandem.conversation;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class ConversationPrivacy {

    @Bean
    CustomerDataTables conversationCustomerData() {
        return new CustomerDataTables("conversation", List.of(
                new Table("customer", CustomerDataTables.Key.CUSTOMERS, "id", List.of("email"), null,
                        "name = null, email = null, external_id = null"),
                new Table("conversation", CustomerDataTables.Key.CONVERSATIONS, "customer_id", List.of("follow_up_email"),
                        "last_message_at",
                        "subject = null, last_preview = null, follow_up_email = null, anonymised_at = current_timestamp"),
                Table.ofConversations("message", "conversation_id", "body = '[removed]', citations = null, "
                        + "client_message_id = null, author_name = case when author_type = 'CUSTOMER' then null "
                        + "else author_name end")));
    }
}
