/**
 * The privacy notice as code (issue 7): generated from the tenant's configuration, published
 * together with it (the notice cannot say one thing while the system does another), in immutable,
 * numbered and dated versions; older versions stay readable; consents record the version shown.
 */
package de.amtsraum.notice;
