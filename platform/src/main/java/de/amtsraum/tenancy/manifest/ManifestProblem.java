package de.amtsraum.tenancy.manifest;

/**
 * One reason a manifest is refused.
 *
 * @param file   where the manifest came from: {@code tenants/leer/manifest.yaml}, or {@code request body}
 * @param field  the offending field as a path ({@code dataCategories[2].retention[0].after}); empty for the whole document
 * @param reason what is wrong, in words an administrator can act on
 */
public record ManifestProblem(String file, String field, String reason) {

    @Override
    public String toString() {
        return file + (field.isEmpty() ? "" : " at " + field) + ": " + reason;
    }
}
