package dev.tandem.procedures;

/** Where a procedure run is. ACTIVE and WAITING_APPROVAL are open; the rest are final. */
enum RunStatus {
    ACTIVE, WAITING_APPROVAL, COMPLETED, CANCELLED, HANDED_OFF, EXPIRED;

    boolean open() {
        return this == ACTIVE || this == WAITING_APPROVAL;
    }
}
