/**
 * Simulation: a population of simulated customers, read from a scenario file, that talk to a running
 * Tandem through the widget API only, as a real customer's client would, judge every answer against
 * their goal, and report verified AI resolution, wrong answers and escalations, so that a team can test
 * changes to knowledge, rules or models before customers meet them. That part is a client: it reaches the
 * application only over HTTP and builds its own classes.
 *
 * <p>And the agent training sandbox: a person in the workspace practises against a simulated customer from the
 * same scenarios, turn by turn, and is scored against the scenario's goal and the default rubric. The sandbox
 * keeps its sessions in its own tables ({@code training_session}, {@code training_turn}) and touches no real data.
 */
package dev.tandem.simulation;
