package dev.tandem.live;

import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes: every node publishes activity to a fan-out exchange and each node reads it
 * back from its own exclusive queue, so a customer's widget stream and an agent's workspace see
 * the same events whichever node they are connected to.
 */
@Component
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

    @Override
    public void send(ConversationActivity activity) {
        rabbit.convertAndSend(EXCHANGE, "", json.writeValueAsBytes(activity));
    }

    @RabbitListener(bindings = @QueueBinding(value = @Queue(exclusive = "true", autoDelete = "true"),
            exchange = @Exchange(value = EXCHANGE, type = ExchangeTypes.FANOUT)))
    void receive(byte[] body) {
        events.publishEvent(json.readValue(body, ConversationActivity.class));
    }
}
