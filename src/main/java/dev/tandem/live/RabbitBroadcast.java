package dev.tandem.live;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes: every node publishes activity to a fan-out exchange and each node reads it
 * back from its own exclusive queue, so a customer's widget stream and an agent's workspace see
 * the same events whichever node they are connected to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tandem.cluster.live-updates", havingValue = "rabbitmq")
class RabbitBroadcast implements Broadcast {

    static final String EXCHANGE = "tandem.live";

    private final RabbitTemplate rabbit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    RabbitBroadcast(RabbitTemplate rabbit, ApplicationEventPublisher events) {
        this.rabbit = rabbit;
        this.events = events;
    }

    @Bean
    FanoutExchange liveExchange() {
        return new FanoutExchange(EXCHANGE, true, false);
    }

    @Bean
    Queue liveQueue() {
        return new AnonymousQueue();
    }

    @Bean
    Binding liveBinding(FanoutExchange liveExchange, Queue liveQueue) {
        return BindingBuilder.bind(liveQueue).to(liveExchange);
    }

    @Override
    public void send(ConversationActivity activity) {
        rabbit.convertAndSend(EXCHANGE, "", json.writeValueAsBytes(activity));
    }

    @RabbitListener(queues = "#{liveQueue.name}")
    void receive(byte[] body) {
        events.publishEvent(json.readValue(body, ConversationActivity.class));
    }
}
