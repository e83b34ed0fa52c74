/**
 * The citizen site shell: tenant-branded page frame, the tenant's theme stylesheet, German error
 * pages, and the privacy notice rendered from the tenant's manifest (the same rule objects the
 * retention engine runs). Pages work without JavaScript and load nothing from other origins.
 */
package de.amtsraum.site;
