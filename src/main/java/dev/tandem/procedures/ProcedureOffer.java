package dev.tandem.procedures;

/**
 * A procedure that fits a customer's message, for a person to offer or run (the assist panel's
 * next-step guidance).
 *
 * @param name the procedure's key in the catalogue
 * @param title what it is called
 * @param description what it does, may be empty
 */
public record ProcedureOffer(String name, String title, String description) {
}
