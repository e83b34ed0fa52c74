/**
 * The tenant manifest: its typed model, JSON Schema validation with problems that name file,
 * field and reason, and resolution of the files a tenant folder refers to.
 */
@org.springframework.modulith.NamedInterface("manifest")
package de.amtsraum.tenancy.manifest;
