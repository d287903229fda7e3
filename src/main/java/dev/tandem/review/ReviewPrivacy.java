package dev.tandem.review;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class ReviewPrivacy {

    @Bean
    CustomerDataTables reviewCustomerData() {
        return new CustomerDataTables("review", List.of(Table.ofConversations("review_item", "conversation_id",
                "draft = '[removed]', citations = '[]', final_text = null, reason = null")));
    }
}
