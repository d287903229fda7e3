/**
 * Simulation: a population of simulated customers, read from a scenario file, that talk to a running
 * Tandem through the widget API only, as a real customer's client would, judge every answer against
 * their goal, and report verified AI resolution, wrong answers and escalations, so that a team can test
 * changes to knowledge, rules or models before customers meet them. The module is a client: it owns no
 * table and no bean, and reaches the application only over HTTP.
 */
package dev.tandem.simulation;
