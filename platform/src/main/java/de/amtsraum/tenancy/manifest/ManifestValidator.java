package de.amtsraum.tenancy.manifest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a resolved manifest document into a {@link TenantManifest}, or refuses it with every
 * problem found: first the JSON Schema ({@code tenant-manifest-v1.schema.json}), then the rules a
 * schema cannot express ({@link ManifestRules}). Either all of it is valid or none of it is used.
 */
public final class ManifestValidator {

    public static final String SCHEMA_RESOURCE = "/tenancy/tenant-manifest-v1.schema.json";

    private static final JsonSchema SCHEMA = loadSchema();
    private static final ObjectMapper BINDER = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private ManifestValidator() {
    }

    /**
     * @param document   the manifest, texts and logo already inline
     * @param file       how problems name the source
     * @param expectedId the id the manifest must carry (folder name or path segment)
     */
    public static TenantManifest validate(JsonNode document, String file, String expectedId) {
        List<ManifestProblem> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(document)) {
            problems.add(new ManifestProblem(file, fieldOf(message), reasonOf(message)));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(ManifestProblem::field));
            throw new InvalidManifestException(problems);
        }
        TenantManifest manifest;
        try {
            manifest = BINDER.treeToValue(document, TenantManifest.class);
        } catch (JsonMappingException unbindable) {
            throw new InvalidManifestException(List.of(new ManifestProblem(file, pathOf(unbindable),
                    rootCause(unbindable))));
        } catch (IOException | IllegalArgumentException unbindable) {
            throw new InvalidManifestException(List.of(new ManifestProblem(file, "", rootCause(unbindable))));
        }
        problems.addAll(ManifestRules.check(manifest, file, expectedId));
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return manifest;
    }

    private static String fieldOf(ValidationMessage message) {
        JsonNodePath location = message.getInstanceLocation();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            appendSegment(field, location.getElement(i));
        }
        boolean namesProperty = "required".equals(message.getType())
                || "additionalProperties".equals(message.getType());
        if (namesProperty && message.getProperty() != null) {
            appendSegment(field, message.getProperty());
        }
        return field.toString();
    }

    private static void appendSegment(StringBuilder field, Object segment) {
        if (segment instanceof Integer index) {
            field.append('[').append(index).append(']');
        } else {
            field.append(field.isEmpty() ? "" : ".").append(segment);
        }
    }

    private static String reasonOf(ValidationMessage message) {
        return switch (message.getType()) {
            case "required" -> "is required but missing";
            case "additionalProperties" -> "is not a known field of this format version";
            case "enum" -> "must be one of " + message.getSchemaNode();
            case "type" -> "has the wrong type: " + stripLocation(message);
            case "pattern" -> "has the wrong form: " + stripLocation(message);
            default -> stripLocation(message);
        };
    }

    private static String stripLocation(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    static TenantManifest bind(JsonNode document) {
        try {
            return BINDER.treeToValue(document, TenantManifest.class);
        } catch (IOException unreadable) {
            throw new IllegalStateException("a stored manifest no longer binds to the manifest model", unreadable);
        }
    }

    private static String pathOf(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** The most helpful message in the chain: our own IllegalArgumentException if any, else the root. */
    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            if (cause.getClass() == IllegalArgumentException.class) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
