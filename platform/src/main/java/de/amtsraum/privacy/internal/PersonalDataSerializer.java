package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.shared.TenantScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * The one serializer path for personal data: wraps Axon's Jackson serializer and seals the
 * declared personal fields on the way out, opens them on the way in (redacted once shredded). Axon
 * uses it for events, snapshots, sagas and dead letters alike (see {@code PrivacyConfiguration}).
 * Types without personal data pass straight through.
 */
final class PersonalDataSerializer implements Serializer {

    private final Serializer delegate;
    private final ObjectMapper objectMapper;
    private final PersonalDataCipher cipher;
    private final Map<Class<?>, PersonalDataPlan> plans = new ConcurrentHashMap<>();

    /** @param objectMapper the delegate's mapper: personal types are turned into a tree once, directly */
    PersonalDataSerializer(Serializer delegate, ObjectMapper objectMapper, PersonalDataCipher cipher) {
        this.delegate = delegate;
        this.objectMapper = objectMapper;
        this.cipher = cipher;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalDataPlan plan = object == null ? PersonalDataPlan.NONE : plan(object.getClass());
        if (plan.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = objectMapper.valueToTree(object);
        String tenant = object instanceof TenantScoped scoped ? scoped.tenantId() : text(tree, "tenantId");
        String subject = text(tree, plan.subjectProperty());
        transform(tree, plan, (field, item) -> cipher.seal(tenant, subject, item.kind(), item.field(), field));
        T data = getConverter().convert(tree, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        Class<?> target = SerializedType.emptyType().equals(type) ? null : classForType(type);
        PersonalDataPlan plan = target == null || UnknownSerializedType.class.equals(target)
                ? PersonalDataPlan.NONE : plan(target);
        if (plan.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                JsonNode.class);
        if (JsonNode.class.isAssignableFrom(serializedObject.getContentType())) {
            tree = tree.deepCopy(); // a tree handed in (e.g. by an upcaster) is not ours to change
        }
        String tenant = text(tree, "tenantId");
        String subject = text(tree, plan.subjectProperty());
        transform(tree, plan, (field, item) -> cipher.open(tenant, subject, item.field(), field));
        return (T) delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, type));
    }

    PersonalDataPlan plan(Class<?> type) {
        return plans.computeIfAbsent(type, PersonalDataPlan::of);
    }

    private static void transform(JsonNode tree, PersonalDataPlan plan,
                                  BiFunction<String, PersonalDataPlan.Item, String> change) {
        for (PersonalDataPlan.Item item : plan.items()) {
            JsonNode parent = tree;
            for (int i = 0; i < item.path().size() - 1 && parent != null; i++) {
                parent = parent.get(item.path().get(i));
            }
            String name = item.path().get(item.path().size() - 1);
            if (parent instanceof ObjectNode object && object.path(name).isTextual()) {
                object.put(name, change.apply(object.get(name).asText(), item));
            }
        }
    }

    private static String text(JsonNode tree, String property) {
        JsonNode value = tree.get(property);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
