package de.amtsraum.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Copies of the repository's tenant folders, to change and feed to the manifest reader. */
public final class ManifestFixtures {

    public static final Path REPOSITORY_TENANTS = Path.of("..", "tenants").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new YAMLMapper();

    private ManifestFixtures() {
    }

    /** A copy of {@code tenants/<tenant>} inside {@code parent}, under the folder name {@code as}. */
    public static Path copy(String tenant, Path parent, String as) {
        Path source = REPOSITORY_TENANTS.resolve(tenant);
        Path target = parent.resolve(as);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            if (!as.equals(tenant)) {
                edit(target, manifest -> manifest.put("id", as));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the folder's manifest.yaml after applying {@code change} to it. */
    public static void edit(Path folder, Consumer<ObjectNode> change) {
        Path file = folder.resolve("manifest.yaml");
        try {
            ObjectNode manifest = (ObjectNode) YAML.readTree(file.toFile());
            change.accept(manifest);
            YAML.writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tenant's manifest as a request body (JSON, texts and logo inline). */
    public static String requestBody(String tenant, String as, Consumer<ObjectNode> change) {
        try {
            Path folder = REPOSITORY_TENANTS.resolve(tenant);
            ObjectNode manifest = (ObjectNode) YAML.readTree(folder.resolve("manifest.yaml").toFile());
            ObjectNode texts = (ObjectNode) manifest.get("texts");
            texts.put("privacyProse", Files.readString(folder.resolve(texts.get("privacyProse").asText())));
            if (texts.has("termsOfUse")) {
                texts.put("termsOfUse", Files.readString(folder.resolve(texts.get("termsOfUse").asText())));
            }
            ObjectNode branding = (ObjectNode) manifest.get("branding");
            byte[] logo = Files.readAllBytes(folder.resolve(branding.get("logo").asText()));
            branding.put("logo", "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(logo));
            manifest.put("id", as);
            change.accept(manifest);
            return new ObjectMapper().writeValueAsString(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
