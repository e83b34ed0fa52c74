/**
 * Data-subject rights (issue 8, Art. 7(3), 12, 15–18, 20, 21 GDPR). A citizen reaches
 * {@code /{tenant}/meine-daten} through the signed link in any mail ({@link de.amtsraum.identity.RightsLinks})
 * or through the citizen account; staff handle requests that arrive by mail, letter or phone in an
 * inbox with the one-month deadline of Art. 12(3).
 *
 * <p>A {@link de.amtsraum.rights.Person} is the set of pseudonymous data subjects of one citizen in a
 * tenant: the records sharing the citizen's verified e-mail address (a keyed blind index kept by this
 * module, cleared when the address is shredded) and the consultation cases opened from them
 * ({@code ConsultationCaseOpened.citizenSubjectId}). Every context reports what it holds through
 * {@link de.amtsraum.privacy.SubjectRecords} and makes changes through
 * {@link de.amtsraum.privacy.SubjectRecordChanges}; contexts ask
 * {@link de.amtsraum.privacy.ProcessingRestrictions} before processing beyond storage.
 *
 * <p>API: {@link de.amtsraum.rights.DataSubjects} (find the person, access, export, erasure with
 * receipt), {@link de.amtsraum.rights.ProcessingControls} (restriction, objection, correction,
 * withdrawal of consent), {@link de.amtsraum.rights.RightsRequests} (the staff inbox).
 */
package de.amtsraum.rights;
