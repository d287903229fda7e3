package dev.tandem.live;

/** Delivers activity to the live views of every node: in-process on one node, through RabbitMQ on several. */
interface Broadcast {

    void send(ConversationActivity activity);
}
