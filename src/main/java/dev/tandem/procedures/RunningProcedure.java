package dev.tandem.procedures;

/**
 * The procedure open in a conversation, as the assist panel shows it instead of offering another.
 *
 * @param name the procedure's key in the catalogue
 * @param title what it is called
 * @param waitingFor what it waits for: {@code "the customer's order number"}, {@code "a supervisor's approval"}
 * @param startedBy the person who ran it for the customer; null when the assistant started it
 */
public record RunningProcedure(String name, String title, String waitingFor, String startedBy) {
}
