package dev.tandem.approvals;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class ApprovalsPrivacy {

    @Bean
    CustomerDataTables approvalsCustomerData() {
        return new CustomerDataTables("approvals", List.of(
                Table.ofConversations("approval", "conversation_id",
                        "title = '[removed]', details = '[removed]', note = null")));
    }
}
