package dev.tandem.routing;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.tandem.conversation.LeaveFollowUpEmail;
import dev.tandem.conversation.MessagePosted;
import dev.tandem.understanding.EntityExtraction;
import dev.tandem.understanding.EntityType;

/**
 * Outside business hours the customer is asked to leave an email address; most simply type it into
 * the chat. An address in a waiting customer's message then is the follow-up address, as if given
 * through the widget's follow-up call.
 */
@Component
class FollowUpEmailInChat {

    private final OpeningHours hours;
    private final EntityExtraction entities;
    private final LeaveFollowUpEmail followUps;
    private final Clock clock;

    FollowUpEmailInChat(OpeningHours hours, EntityExtraction entities, LeaveFollowUpEmail followUps, Clock clock) {
        this.hours = hours;
        this.entities = entities;
        this.followUps = followUps;
        this.clock = clock;
    }

    // the condition, not an if in the body: a publication is stored per message only for those it applies to
    @ApplicationModuleListener(condition = "#posted.message().author() == T(dev.tandem.conversation.AuthorType).CUSTOMER"
            + " and #posted.status() == T(dev.tandem.conversation.ConversationStatus).QUEUED")
    void on(MessagePosted posted) {
        if (hours.openAt(clock.instant())) {
            return;
        }
        entities.extract(posted.message().text()).stream()
            .filter(entity -> entity.type() == EntityType.EMAIL)
            .findFirst()
            .ifPresent(email -> followUps.leave(posted.conversationId(), email.value()));
    }
}
