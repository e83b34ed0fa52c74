package de.amtsraum.privacy.internal;

import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.PersonalData;
import de.amtsraum.shared.privacy.DataKind;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
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
record PersonalDataPlan(String subjectProperty, List<Item> items, Map<String, Integer> indexes,
                        Getter subject, Getter tenant) {

    static final PersonalDataPlan NONE = new PersonalDataPlan(null, List.of(), Map.of(), null, null);

    /** Reads one property of an object (a record component's accessor or a field). */
    @FunctionalInterface
    interface Getter {
        Object get(Object target) throws ReflectiveOperationException;
    }

    /**
     * @param field   the JSON property path joined by {@code .}, bound into the ciphertext
     * @param getters the chain of properties from the top-level object to the value; null when they
     *                cannot be read by reflection (the serializer then reads the JSON tree)
     */
    record Item(List<String> path, DataKind kind, String field, String name, List<Getter> getters) {

        Item(List<String> path, DataKind kind, List<Getter> getters) {
            this(path, kind, String.join(".", path), path.get(path.size() - 1), getters);
        }

        /** The value held at this path (null when it or an enclosing record is null). */
        Object value(Object root) throws ReflectiveOperationException {
            Object current = root;
            for (int i = 0; i < getters.size() && current != null; i++) {
                current = getters.get(i).get(current);
            }
            return current;
        }
    }

    /**
     * Whether the serializer can read tenant, subject and personal values from the object itself
     * (and write them while streaming), instead of from a JSON tree.
     */
    boolean readableByReflection() {
        if (subject == null) {
            return false;
        }
        for (Item item : items) {
            if (item.getters() == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code type} declares {@code property} as {@link PersonalData} itself. */
    static boolean declaresPersonal(Class<?> type, String property) {
        for (Element element : elements(type)) {
            if (element.name().equals(property)) {
                return element.annotated().isAnnotationPresent(PersonalData.class);
            }
        }
        return false;
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
        Element[] subject = new Element[1];
        collect(type, List.of(), new ArrayList<>(), items, subject, 0);
        if (items.isEmpty()) {
            return NONE;
        }
        if (subject[0] == null) {
            throw new IllegalStateException(type.getName() + " declares personal data but no @DataSubject");
        }
        Getter subjectGetter = subject[0].getter();
        if (subject[0].type() != String.class && subject[0].type() != java.util.UUID.class) {
            subjectGetter = null; // read from the JSON tree, as Jackson writes it
        }
        Getter tenantGetter = null;
        for (Element element : elements(type)) {
            if (element.name().equals("tenantId") && element.type() == String.class) {
                tenantGetter = element.getter();
            }
        }
        return new PersonalDataPlan(subject[0].name(), List.copyOf(items), indexOf(items), subjectGetter, tenantGetter);
    }

    private static void collect(Class<?> type, List<String> prefix, List<Getter> getters, List<Item> items,
                                Element[] subject, int depth) {
        if (depth > 4 || type.getName().startsWith("java.")) {
            return;
        }
        for (Element element : elements(type)) {
            List<String> path = new ArrayList<>(prefix);
            path.add(element.name());
            List<Getter> chain = null;
            if (getters != null && element.getter() != null) {
                chain = new ArrayList<>(getters);
                chain.add(element.getter());
            }
            PersonalData personal = element.annotated().getAnnotation(PersonalData.class);
            if (personal != null) {
                if (element.type() != String.class) {
                    throw new IllegalStateException(type.getName() + "." + element.name()
                            + ": @PersonalData is supported on String fields only");
                }
                items.add(new Item(List.copyOf(path), personal.value(), chain == null ? null : List.copyOf(chain)));
            } else if (element.annotated().isAnnotationPresent(DataSubject.class)) {
                if (!prefix.isEmpty()) {
                    throw new IllegalStateException(type.getName() + ": @DataSubject must be a top-level field");
                }
                subject[0] = element;
            } else if (element.type().isRecord()) {
                collect(element.type(), path, chain, items, subject, depth + 1);
            }
        }
    }

    /** @param getter null when the element cannot be made accessible */
    private record Element(String name, Class<?> type, AnnotatedElement annotated, Getter getter) {
    }

    private static List<Element> elements(Class<?> type) {
        List<Element> elements = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                Getter getter = accessible(accessor) ? accessor::invoke : null;
                elements.add(new Element(component.getName(), component.getType(), component, getter));
            }
            return elements;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    Getter getter = accessible(field) ? field::get : null;
                    elements.add(new Element(field.getName(), field.getType(), field, getter));
                }
            }
        }
        return elements;
    }

    private static boolean accessible(AccessibleObject member) {
        try {
            member.setAccessible(true);
            return true;
        } catch (RuntimeException notOpen) { // InaccessibleObjectException, SecurityException
            return false;
        }
    }
}
