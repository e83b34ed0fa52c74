package de.amtsraum.notice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.notice.NoticeProblem;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ManifestProblem;
import de.amtsraum.tenancy.manifest.ManifestReader;
import de.amtsraum.tenancy.manifest.ManifestRules;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What refuses a draft: the notice guards (a processor outside the EU/EEA without a stated
 * transfer basis; a personal data category without a retention rule), checked on the raw draft so
 * they are reported even when the JSON Schema stops the manifest rules early, plus every problem
 * of the manifest loader and rules — the messages of the operator API, with a German wording.
 */
final class NoticeGuards {

    static final String REQUEST_BODY = "request body";

    private static final Map<String, String> GERMAN_REASONS = Map.of(
            "is required but missing", "fehlt, ist aber erforderlich",
            "is not a known field of this format version", "ist in diesem Format nicht vorgesehen",
            "is empty", "ist leer");

    private NoticeGuards() {
    }

    /** Every problem of the draft; empty when it can be published. */
    static List<NoticeProblem> check(String tenantId, JsonNode draft) {
        List<NoticeProblem> problems = new ArrayList<>(guards(draft));
        try {
            resolve(tenantId, draft);
        } catch (InvalidManifestException invalid) {
            for (ManifestProblem problem : invalid.problems()) {
                boolean guarded = problems.stream().anyMatch(guard -> problem.field().equals(guard.field()));
                if (!guarded) {
                    problems.add(translated(problem));
                }
            }
        }
        return problems;
    }

    static ResolvedManifest resolve(String tenantId, JsonNode draft) {
        if (draft == null || !draft.isObject()) {
            throw new InvalidManifestException(List.of(new ManifestProblem(REQUEST_BODY, "",
                    "must be a manifest document (a JSON object)")));
        }
        return ManifestReader.fromRequest(draft.toString(), tenantId);
    }

    static List<NoticeProblem> guards(JsonNode draft) {
        List<NoticeProblem> problems = new ArrayList<>();
        if (draft == null) {
            return problems;
        }
        JsonNode processors = draft.path("processors");
        for (int p = 0; p < processors.size(); p++) {
            JsonNode processor = processors.get(p);
            String country = processor.path("country").asText("");
            String basis = processor.path("transferBasis").asText("").strip();
            if (!country.isEmpty() && !ManifestRules.EU_EEA.contains(country) && basis.isEmpty()) {
                String name = processor.path("name").asText("?");
                problems.add(new NoticeProblem("processors[" + p + "].transferBasis",
                        "Der Auftragsverarbeiter „" + name + "“ sitzt außerhalb der EU bzw. des EWR (Land "
                                + country + "), aber es ist keine Grundlage für die Übermittlung angegeben. "
                                + "Tragen Sie die Grundlage ein (Art. 44 ff. DSGVO, z. B. Angemessenheitsbeschluss "
                                + "oder Standardvertragsklauseln) oder wählen Sie einen Auftragsverarbeiter in der EU.",
                        "The processor '" + name + "' is outside the EU/EEA (country " + country
                                + ") but no transfer basis is stated. State the basis (Art. 44 ff. GDPR, e.g. an "
                                + "adequacy decision or standard contractual clauses) or choose a processor in the EU."));
            }
        }
        JsonNode categories = draft.path("dataCategories");
        for (int c = 0; c < categories.size(); c++) {
            JsonNode category = categories.get(c);
            JsonNode retention = category.path("retention");
            boolean personal = category.path("personal").asBoolean(false);
            if (personal && (!retention.isArray() || retention.isEmpty())) {
                String name = category.path("name").asText(category.path("id").asText("?"));
                problems.add(new NoticeProblem("dataCategories[" + c + "].retention",
                        "Die Datenkategorie „" + name + "“ enthält personenbezogene Daten, hat aber keine "
                                + "Löschregel. Legen Sie fest, nach welchem Ereignis und welcher Frist die Daten "
                                + "gelöscht oder anonymisiert werden.",
                        "The data category '" + name + "' holds personal data but has no retention rule. "
                                + "State after which event and period the data is deleted or anonymised."));
            }
        }
        return problems;
    }

    private static NoticeProblem translated(ManifestProblem problem) {
        String german = GERMAN_REASONS.getOrDefault(problem.reason(), null);
        String where = problem.field().isEmpty() ? "Die Konfiguration" : "Die Angabe " + problem.field();
        return new NoticeProblem(problem.field(), german != null ? where + " " + german + "."
                : where + " wird abgelehnt: " + problem.reason(), problem.reason());
    }
}
