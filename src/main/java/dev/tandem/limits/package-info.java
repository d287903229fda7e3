/**
 * Token buckets by key for the modules that limit what a client may do ({@code channel}'s rate
 * limits, {@code identity}'s sign-in throttle): in this node's memory by default, shared by every
 * node through Redis with {@code tandem.cluster.rate-limits=redis}. Its public API is
 * {@link dev.tandem.limits.RateLimiter}; it depends on no other module.
 */
package dev.tandem.limits;
