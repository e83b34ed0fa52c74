package de.amtsraum.privacy.internal;

import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.PersonalData;
import de.amtsraum.shared.privacy.DataKind;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a type keeps personal data, as JSON property paths: found once per type from the
 * {@link PersonalData} and {@link DataSubject} declarations on record components (events) or
 * fields (aggregate snapshots, sagas), including records nested in them.
 */
record PersonalDataPlan(String subjectProperty, List<Item> items, Map<String, Integer> indexes) {

    static final PersonalDataPlan NONE = new PersonalDataPlan(null, List.of());

    PersonalDataPlan(String subjectProperty, List<Item> items) {
        this(subjectProperty, items, indexOf(items));
    }

    /** @param field the JSON property path joined by {@code .}, bound into the ciphertext */
    record Item(List<String> path, DataKind kind, String field, String name) {
        Item(List<String> path, DataKind kind) {
            this(path, kind, String.join(".", path), path.get(path.size() - 1));
        }
    }

    /** The position of {@code field} in {@link #items()}, or -1. */
    int indexOf(String field) {
        Integer index = indexes.get(field);
        return index == null ? -1 : index;
    }

    private static Map<String, Integer> indexOf(List<Item> items) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            indexes.put(items.get(i).field(), i);
        }
        return Map.copyOf(indexes);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    static PersonalDataPlan of(Class<?> type) {
        List<Item> items = new ArrayList<>();
        String[] subject = new String[1];
        collect(type, List.of(), items, subject, 0);
        if (items.isEmpty()) {
            return NONE;
        }
        if (subject[0] == null) {
            throw new IllegalStateException(type.getName() + " declares personal data but no @DataSubject");
        }
        return new PersonalDataPlan(subject[0], List.copyOf(items));
    }

    private static void collect(Class<?> type, List<String> prefix, List<Item> items, String[] subject, int depth) {
        if (depth > 4 || type.getName().startsWith("java.")) {
            return;
        }
        for (Element element : elements(type)) {
            List<String> path = new ArrayList<>(prefix);
            path.add(element.name());
            PersonalData personal = element.annotated().getAnnotation(PersonalData.class);
            if (personal != null) {
                if (element.type() != String.class) {
                    throw new IllegalStateException(type.getName() + "." + element.name()
                            + ": @PersonalData is supported on String fields only");
                }
                items.add(new Item(List.copyOf(path), personal.value()));
            } else if (element.annotated().isAnnotationPresent(DataSubject.class)) {
                if (!prefix.isEmpty()) {
                    throw new IllegalStateException(type.getName() + ": @DataSubject must be a top-level field");
                }
                subject[0] = element.name();
            } else if (element.type().isRecord()) {
                collect(element.type(), path, items, subject, depth + 1);
            }
        }
    }

    private record Element(String name, Class<?> type, AnnotatedElement annotated) {
    }

    private static List<Element> elements(Class<?> type) {
        List<Element> elements = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                elements.add(new Element(component.getName(), component.getType(), component));
            }
            return elements;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    elements.add(new Element(field.getName(), field.getType(), field));
                }
            }
        }
        return elements;
    }
}
