/**
 * Shared kernel: the few types every context speaks (tenant scoping, the one HTTP error format).
 * Open module: it depends on no other context and holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.amtsraum.shared;
