package dev.tandem.answering;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.privacy.CustomerDataTables;
import dev.tandem.privacy.CustomerDataTables.Table;

/** The tables of this module that hold customers' data, for their export, erasure and retention (module privacy). */
@Configuration(proxyBeanMethods = false)
class AnsweringPrivacy {

    @Bean
    CustomerDataTables answeringCustomerData() {
        return new CustomerDataTables("answering", List.of(
                Table.ofConversations("ai_answer", "conversation_id", "question = '[removed]', question_vector = null"),
                Table.ofConversations("ai_answer_feedback", "conversation_id", Table.KEEP),
                // the evidence quotes the AI's reply, which may repeat the customer's details
                Table.ofConversations("ai_answer_verdict", "conversation_id", "evidence = null")));
    }
}
