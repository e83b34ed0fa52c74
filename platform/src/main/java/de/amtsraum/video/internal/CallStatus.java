package de.amtsraum.video.internal;

/** The states a call shows on the pages and in the API. */
public enum CallStatus { REQUESTED, SIGNALLED, ACCEPTED, DECLINED, IN_CALL, ENDED }
