package dev.tandem.procedures;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class ProceduresPrivacy {

    @Bean
    CustomerDataTables proceduresCustomerData() {
        return new CustomerDataTables("procedures", List.of(
                Table.ofConversations("procedure_run", "conversation_id", "run_values = '{}', history = '[]'")));
    }
}
