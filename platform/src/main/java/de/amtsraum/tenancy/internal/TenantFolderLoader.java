package de.amtsraum.tenancy.internal;

import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantOffboardedException;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ManifestProblem;
import de.amtsraum.tenancy.manifest.ManifestReader;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, applies every manifest under the tenants folder. A tenant whose manifest is invalid is
 * skipped as a whole (its previous manifest, if any, stays in force) and reported with file, field
 * and reason; the other tenants are applied. With {@code amtsraum.tenants.fail-on-invalid=true}
 * the start fails instead and no folder is applied at all (for deployments that treat the folder
 * as one release artefact).
 */
@Component
class TenantFolderLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TenantFolderLoader.class);

    private final TenantProperties properties;
    private final TenantOnboarding onboarding;

    TenantFolderLoader(TenantProperties properties, TenantOnboarding onboarding) {
        this.properties = properties;
        this.onboarding = onboarding;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    LoadReport load() {
        Path root = properties.folder();
        Map<ManifestOutcome, Integer> outcomes = new EnumMap<>(ManifestOutcome.class);
        List<ManifestProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            log.warn("Tenant folder {} does not exist; no tenant manifests applied", root);
            return new LoadReport(outcomes, problems);
        }
        // Read and validate every folder first: in strict mode nothing is applied unless all are valid.
        List<ResolvedManifest> valid = new ArrayList<>();
        for (Path folder : tenantFolders(root)) {
            try {
                valid.add(ManifestReader.fromFolder(folder));
            } catch (InvalidManifestException invalid) {
                invalid.problems().forEach(problem -> log.error("Tenant manifest refused, tenant not changed: {}", problem));
                problems.addAll(invalid.problems());
            }
        }
        if (!problems.isEmpty() && properties.failOnInvalid()) {
            throw new InvalidManifestException(problems);
        }
        for (ResolvedManifest manifest : valid) {
            ManifestOutcome outcome;
            try {
                outcome = onboarding.apply(manifest, TenantOnboarding.FOLDER);
            } catch (TenantOffboardedException offboarded) {
                log.warn("Tenant folder {} names an offboarded tenant; not applied (remove the folder)",
                        manifest.manifest().id());
                continue;
            }
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome != ManifestOutcome.UNCHANGED) {
                log.info("Tenant {} {} from its folder", manifest.manifest().id(), outcome.name().toLowerCase());
            }
        }
        log.info("Tenant manifests applied from {}: {} ({} refused)", root, outcomes,
                problems.stream().map(ManifestProblem::file).distinct().count());
        return new LoadReport(outcomes, problems);
    }

    private static List<Path> tenantFolders(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(folder -> Files.isRegularFile(folder.resolve(ManifestReader.MANIFEST_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot list the tenant folder " + root, unreadable);
        }
    }

    record LoadReport(Map<ManifestOutcome, Integer> outcomes, List<ManifestProblem> problems) {
    }
}
