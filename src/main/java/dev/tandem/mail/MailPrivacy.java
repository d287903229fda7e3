package dev.tandem.mail;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class MailPrivacy {

    @Bean
    CustomerDataTables mailCustomerData() {
        return new CustomerDataTables("mail", List.of(
                new Table("outbox_email", CustomerDataTables.Key.EMAIL, "recipient", List.of(), "sent_at", null)));
    }
}
