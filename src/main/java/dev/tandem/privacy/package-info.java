/**
 * Privacy operations: export and erasure of one customer's data, and the retention policy. The modules that own
 * customer data declare their tables ({@link dev.tandem.privacy.CustomerDataTables}); this module acts on what they
 * declare and announces what it did ({@link dev.tandem.privacy.CustomerDataErased}) for the audit log.
 */
package dev.tandem.privacy;
