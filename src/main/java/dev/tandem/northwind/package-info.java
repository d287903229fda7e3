/**
 * Northwind Outfitters' order system, built in for the demo workspace: customers, orders with shipment
 * tracking, gift cards, refunds and password reset links, served as a small JSON API under
 * {@code /northwind/api}. It stands in for a company's own systems: the procedures reach it only over
 * HTTP through their connector, exactly as they would reach a real one, so the demo shows the real path
 * (timeouts, retries, idempotency keys) working. Nothing else in Tandem reads its tables.
 */
package dev.tandem.northwind;
