package de.amtsraum.rights.web;

import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.SubjectRecordChanges;
import de.amtsraum.rights.Person;
import de.amtsraum.rights.ProcessingControls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of the fragment {@code rights/controls :: controls}: the overview page of
 * {@code /{tenant}/meine-daten} calls {@link #addTo} and includes
 * {@code <div th:replace="~{rights/controls :: controls}"></div>}.
 * Attributes: {@code controlsToken}, {@code controlsStatus}, {@code controlsRecords} (records with
 * correctable fields or a consent), {@code controlsCorrectable} (key {@code source/type} → fields).
 */
@Component
class RightsControlsView {

    private final ProcessingControls controls;
    private final List<SubjectRecordChanges> changes;

    RightsControlsView(ProcessingControls controls, List<SubjectRecordChanges> changes) {
        this.controls = controls;
        this.changes = changes;
    }

    void addTo(Model model, String token, Person person, List<HeldRecord> records) {
        Map<String, Set<String>> correctable = new LinkedHashMap<>();
        for (HeldRecord record : records) {
            changes.stream().filter(c -> c.source().equals(record.source())).findFirst()
                    .map(c -> c.correctableFields(record.type()))
                    .ifPresent(fields -> correctable.put(record.source() + "/" + record.type(), fields));
        }
        model.addAttribute("controlsToken", token);
        model.addAttribute("controlsStatus", controls.status(person));
        model.addAttribute("controlsRecords", records.stream()
                .filter(r -> r.consent() != null || !correctable.getOrDefault(r.source() + "/" + r.type(), Set.of())
                        .isEmpty())
                .toList());
        model.addAttribute("controlsCorrectable", correctable);
    }
}
