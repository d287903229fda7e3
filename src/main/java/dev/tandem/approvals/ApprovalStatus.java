package dev.tandem.approvals;

public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
