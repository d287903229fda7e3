/**
 * What the server may call out to: every URL Tandem fetches on its own (the optional LLM, the company systems of
 * procedures) passes {@link dev.tandem.egress.EgressPolicy} first, which refuses private, loopback and link-local
 * addresses (server-side request forgery towards the internal network or a cloud metadata service) unless the
 * configuration allows them.
 */
package dev.tandem.egress;
