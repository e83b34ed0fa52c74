package de.amtsraum.tenancy.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads manifests from their two sources: a tenant folder ({@code tenants/<id>/manifest.yaml},
 * whose texts and logo are files beside it) and an operator request body (YAML or JSON, texts and
 * logo inline). Both end in the same self-contained document, validated by {@link ManifestValidator}.
 */
public final class ManifestReader {

    public static final String MANIFEST_FILE = "manifest.yaml";
    public static final int MAX_LOGO_BYTES = 200 * 1024;

    private static final Pattern FILE_REFERENCE = Pattern.compile("^[\\w./-]+\\.md$");
    private static final Pattern LOGO_DATA_URI = Pattern.compile("^data:(image/svg\\+xml|image/png);base64,([A-Za-z0-9+/=]+)$");
    private static final Map<String, String> LOGO_TYPES = Map.of("svg", "image/svg+xml", "png", "image/png");
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder().build());
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ManifestReader() {
    }

    /** @param folder a tenant folder; its name is the tenant id */
    public static ResolvedManifest fromFolder(Path folder) {
        String id = folder.getFileName().toString();
        String file = "tenants/" + id + "/" + MANIFEST_FILE;
        Path manifestFile = folder.resolve(MANIFEST_FILE);
        String text;
        try {
            text = Files.readString(manifestFile, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw refused(file, "", "cannot be read: " + unreadable.getClass().getSimpleName());
        }
        ObjectNode document = parse(text, file);
        inlineFile(document, "texts", "privacyProse", folder, file);
        inlineFile(document, "texts", "termsOfUse", folder, file);
        inlineFile(document, "branding", "logo", folder, file);
        return resolve(document, file, id);
    }

    /** @param body YAML or JSON (JSON is YAML); texts and logo must be inline */
    public static ResolvedManifest fromRequest(String body, String tenantId) {
        return fromRequest(body, tenantId, "request body");
    }

    /**
     * An uploaded manifest (operator console): the same rules and messages as {@link #fromRequest},
     * the tenant id taken from the document itself.
     *
     * @param file how problems name the source (the uploaded file's name)
     */
    public static ResolvedManifest fromUpload(String body, String file) {
        return fromRequest(body, null, file);
    }

    private static ResolvedManifest fromRequest(String body, String tenantId, String file) {
        ObjectNode document = parse(body, file);
        refuseFileReference(document, "texts", "privacyProse", file);
        refuseFileReference(document, "texts", "termsOfUse", file);
        refuseFileReference(document, "branding", "logo", file);
        return resolve(document, file, tenantId);
    }

    /**
     * A document that was validated when it was recorded (read model, event), typed again. Not
     * re-validated: rules may tighten over time, and a stored manifest must stay readable.
     */
    public static TenantManifest typed(JsonNode document) {
        return ManifestValidator.bind(document);
    }

    private static ResolvedManifest resolve(ObjectNode document, String file, String expectedId) {
        TenantManifest manifest = ManifestValidator.validate(document, file, expectedId);
        return new ResolvedManifest(manifest, document, hash(document));
    }

    private static ObjectNode parse(String text, String file) {
        if (text == null || text.isBlank()) {
            throw refused(file, "", "is empty");
        }
        JsonNode node;
        try {
            node = YAML.readTree(text);
        } catch (JsonProcessingException malformed) {
            var location = malformed.getLocation();
            throw refused(file, "", "is not valid YAML/JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw refused(file, "", "must be a mapping of fields, not " + (node == null ? "nothing" : node.getNodeType()));
        }
        return object;
    }

    private static void inlineFile(ObjectNode document, String section, String field, Path folder, String file) {
        JsonNode parent = document.get(section);
        if (!(parent instanceof ObjectNode object) || !object.path(field).isTextual()) {
            return; // missing or wrongly typed: the schema reports it
        }
        String value = object.get(field).asText();
        String path = section + "." + field;
        boolean logo = field.equals("logo");
        if (logo ? value.startsWith("data:") : !FILE_REFERENCE.matcher(value).matches()) {
            if (logo) {
                checkLogoDataUri(value, file, path);
            }
            return; // inline content
        }
        Path target = folder.resolve(value).normalize();
        if (!target.startsWith(folder.normalize()) || !Files.isRegularFile(target)) {
            throw refused(file, path, "names the file '" + value + "', which does not exist in the tenant folder");
        }
        try {
            if (logo) {
                String extension = value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                String type = LOGO_TYPES.get(extension);
                if (type == null) {
                    throw refused(file, path, "must be an .svg or .png file");
                }
                byte[] bytes = Files.readAllBytes(target);
                if (bytes.length > MAX_LOGO_BYTES) {
                    throw refused(file, path, "is larger than " + MAX_LOGO_BYTES / 1024 + " KB");
                }
                object.put(field, "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
            } else {
                object.put(field, Files.readString(target, StandardCharsets.UTF_8));
            }
        } catch (IOException unreadable) {
            throw refused(file, path, "names a file that cannot be read: " + unreadable.getClass().getSimpleName());
        }
    }

    private static void checkLogoDataUri(String value, String file, String path) {
        var match = LOGO_DATA_URI.matcher(value);
        if (!match.matches()) {
            throw refused(file, path, "must be a data:image/svg+xml or data:image/png URI in base64");
        }
        int decoded;
        try {
            decoded = Base64.getDecoder().decode(match.group(2)).length;
        } catch (IllegalArgumentException malformed) {
            throw refused(file, path, "is not valid base64");
        }
        if (decoded > MAX_LOGO_BYTES) {
            throw refused(file, path, "is larger than " + MAX_LOGO_BYTES / 1024 + " KB");
        }
    }

    private static void refuseFileReference(ObjectNode document, String section, String field, String file) {
        JsonNode value = document.path(section).path(field);
        if (!value.isTextual()) {
            return;
        }
        String text = value.asText();
        String path = section + "." + field;
        if (field.equals("logo")) {
            checkLogoDataUri(text, file, path);
        } else if (FILE_REFERENCE.matcher(text).matches()) {
            throw refused(file, path, "refers to a file; in a request send the Markdown text itself");
        }
    }

    static String hash(JsonNode document) {
        try {
            Object plain = CANONICAL.treeToValue(document, Object.class);
            byte[] canonical = CANONICAL.writeValueAsBytes(plain);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static InvalidManifestException refused(String file, String field, String reason) {
        return new InvalidManifestException(List.of(new ManifestProblem(file, field, reason)));
    }
}
