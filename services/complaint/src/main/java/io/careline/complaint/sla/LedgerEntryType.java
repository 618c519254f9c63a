package io.careline.complaint.sla;

/** Every transition of a clock the ledger records. */
public enum LedgerEntryType { STARTED, ASSIGNED, PAUSED, RESUMED, WARNED, BREACHED, ESCALATED, STOPPED, REOPENED }
