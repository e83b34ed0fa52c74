package de.amtsraum.consultation;

/** The kinds of ID document staff can note as shown in a consultation. */
public enum IdentityDocumentKind { ID_CARD, PASSPORT, RESIDENCE_PERMIT, DRIVING_LICENCE, OTHER }
