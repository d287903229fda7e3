package dev.tandem.procedures;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.tandem.conversation.ConversationStatus;

/** Why a person could not start a procedure for a customer, rendered as {@code application/problem+json}. */
final class ProcedureProblems {

    private ProcedureProblems() {
    }

    static ErrorResponseException noSuchProcedure(String name) {
        return problem(HttpStatus.NOT_FOUND, "There is no procedure “" + name
                + "” any more (the procedures were changed since the panel offered it).");
    }

    static ErrorResponseException switchedOff() {
        return problem(HttpStatus.CONFLICT, "Procedures are switched off (tandem.procedures.enabled=false).");
    }

    static ErrorResponseException alreadyRunning(String title, RunStatus status) {
        return problem(HttpStatus.CONFLICT, "“" + title + "” is already running in this conversation"
                + (status == RunStatus.WAITING_APPROVAL ? " and waits for a supervisor's approval." : "; it waits for the customer's answer."));
    }

    static ErrorResponseException notWithAPerson(ConversationStatus status) {
        return problem(HttpStatus.CONFLICT, "The conversation is " + status
                + ": a person runs a procedure for the customer only while the conversation is assigned to them.");
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
