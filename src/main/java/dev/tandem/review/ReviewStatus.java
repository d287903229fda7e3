package dev.tandem.review;

/** Where a held reply stands. */
public enum ReviewStatus {
    PENDING, APPROVED, EDITED, REJECTED
}
