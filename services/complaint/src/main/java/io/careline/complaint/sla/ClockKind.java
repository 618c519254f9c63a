package io.careline.complaint.sla;

/** The two clocks of a complaint. */
public enum ClockKind { FIRST_REPLY, RESOLUTION }
