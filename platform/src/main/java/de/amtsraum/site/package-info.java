/**
 * The citizen site shell: tenant-branded page frame, the tenant's theme stylesheet, German error
 * pages, the terms of use, Markdown and the plain-language retention rules (the same rule objects the
 * retention engine runs) that the privacy notice (module notice) is rendered with. Pages work without JavaScript and load nothing from other origins.
 */
package de.amtsraum.site;
