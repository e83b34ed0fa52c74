/**
 * Read-model schema: the jOOQ classes generated (into {@code readmodel.jooq}) from the Liquibase
 * changelogs under {@code db/changelog/readmodel}. Open module: each context uses the tables it
 * owns through these classes; it holds no logic.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.amtsraum.readmodel;
