package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.privacy.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializationException;
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
    private final Supplier<TinkPersonalDataCipher> cipherSource;
    private volatile TinkPersonalDataCipher cipher;
    private final Map<Class<?>, PersonalDataPlan> plans = new ConcurrentHashMap<>();
    /**
     * A copy of the mapper whose personal properties write what {@link Sealing} gives them. Only
     * this serializer uses it; the application's mapper (HTTP and others) never seals.
     */
    private final ObjectMapper sealingMapper;

    /**
     * @param objectMapper the delegate's mapper: personal types are turned into a tree once, directly
     * @param cipher       asked on first use (the cipher's dependencies reach back to the serializer)
     */
    PersonalDataSerializer(Serializer delegate, ObjectMapper objectMapper, Supplier<TinkPersonalDataCipher> cipher) {
        this.delegate = delegate;
        this.objectMapper = objectMapper;
        this.cipherSource = cipher;
        this.sealingMapper = objectMapper.copy().registerModule(new SimpleModule("amtsraum-sealing")
                .setSerializerModifier(new BeanSerializerModifier() {
                    @Override
                    public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
                                                                     BeanDescription description,
                                                                     List<BeanPropertyWriter> writers) {
                        Class<?> type = description.getBeanClass();
                        List<BeanPropertyWriter> changed = new ArrayList<>(writers);
                        for (int i = 0; i < changed.size(); i++) {
                            if (PersonalDataPlan.declaresPersonal(type, changed.get(i).getName())) {
                                changed.set(i, new SealingWriter(changed.get(i)));
                            }
                        }
                        return changed;
                    }
                }));
    }

    /** The values of one object being written, and what to write instead. */
    private record Sealing(PersonalDataPlan plan, String[] values, String[] sealed) {

        /** @return null: write the value as it is */
        String sealedFor(JsonStreamContext object, String name, Object value) {
            String field = name;
            JsonStreamContext parent = object.getParent();
            if (parent != null && !parent.inRoot()) {
                StringBuilder path = new StringBuilder(name);
                for (JsonStreamContext at = parent; at != null && !at.inRoot(); at = at.getParent()) {
                    if (!at.inObject() || at.getCurrentName() == null) {
                        return null; // inside an array: not in the plan (documented limit)
                    }
                    path.insert(0, '.').insert(0, at.getCurrentName());
                }
                field = path.toString();
            }
            int index = plan.indexOf(field);
            if (index < 0 || sealed[index] == null) {
                return null;
            }
            if (!Objects.equals(values[index], value)) {
                throw new IllegalStateException("personal field " + field + " is written with another value than it holds");
            }
            return sealed[index];
        }
    }

    /** Writes a personal property as sealed by the {@link Sealing} of the current call. */
    private static final class SealingWriter extends BeanPropertyWriter {

        SealingWriter(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
            if (provider.getAttribute(Sealing.class) instanceof Sealing sealing) {
                Object value = get(bean);
                String sealed = sealing.sealedFor(generator.getOutputContext(), getName(), value);
                if (sealed != null) {
                    generator.writeFieldName(_name);
                    generator.writeString(sealed);
                    return;
                }
            }
            super.serializeAsField(bean, generator, provider);
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalDataPlan plan = object == null ? PersonalDataPlan.NONE : plan(object.getClass());
        if (plan.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        T data;
        if (plan.readableByReflection()) {
            data = getConverter().convert(sealWhileWriting(object, plan), byte[].class, expectedRepresentation);
        } else {
            JsonNode tree = objectMapper.valueToTree(object);
            String tenant = object instanceof TenantScoped scoped ? scoped.tenantId() : text(tree, "tenantId");
            String subject = text(tree, plan.subjectProperty());
            seal(tree, plan, tenant, subject);
            data = getConverter().convert(tree, JsonNode.class, expectedRepresentation);
        }
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    /**
     * Reads the personal values from the object, seals them, and writes the object in one pass with
     * {@link #sealingMapper}, which puts the sealed values in place of the personal properties.
     */
    private byte[] sealWhileWriting(Object object, PersonalDataPlan plan) {
        List<PersonalDataPlan.Item> items = plan.items();
        String[] values = new String[items.size()];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = (String) items.get(i).value(object);
            }
            Object subject = plan.subject().get(object);
            String tenant = object instanceof TenantScoped scoped ? scoped.tenantId()
                    : plan.tenant() == null ? null : (String) plan.tenant().get(object);
            String[] sealed = sealed(plan, tenant, subject == null ? null : subject.toString(), values.clone());
            return sealingMapper.writer().withAttribute(Sealing.class, new Sealing(plan, values, sealed))
                    .writeValueAsBytes(object);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the personal data of " + object.getClass().getName(), e);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot serialize " + object.getClass().getName(), e);
        }
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
        open(tree, plan, text(tree, "tenantId"), text(tree, plan.subjectProperty()));
        return (T) delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, type));
    }

    PersonalDataPlan plan(Class<?> type) {
        return plans.computeIfAbsent(type, PersonalDataPlan::of);
    }

    private TinkPersonalDataCipher cipher() {
        TinkPersonalDataCipher current = cipher;
        if (current == null) {
            current = cipherSource.get();
            cipher = current;
        }
        return current;
    }

    /** Seals the personal fields of {@code tree} in place (types not {@link PersonalDataPlan#readableByReflection()}). */
    private void seal(JsonNode tree, PersonalDataPlan plan, String tenant, String subject) {
        List<PersonalDataPlan.Item> items = plan.items();
        int n = items.size();
        ObjectNode[] parents = new ObjectNode[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            ObjectNode parent = parentOf(tree, items.get(i));
            JsonNode value = parent == null ? null : parent.get(items.get(i).name());
            if (value != null && value.isTextual()) {
                parents[i] = parent;
                values[i] = value.textValue();
            }
        }
        String[] sealed = sealed(plan, tenant, subject, values);
        for (int i = 0; i < n; i++) {
            if (sealed[i] != null) {
                parents[i].put(items.get(i).name(), sealed[i]);
            }
        }
    }

    /**
     * What each personal value is stored as: all values of one category together ({@code ar2:}), the
     * first field carrying the sealed value, the others a reference to it. Null where the value stays
     * as it is (null or redacted). {@code values} is used up.
     */
    private String[] sealed(PersonalDataPlan plan, String tenant, String subject, String[] values) {
        List<PersonalDataPlan.Item> items = plan.items();
        int n = items.size();
        String[] sealed = new String[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] != null && Redaction.isRedacted(values[i])) {
                values[i] = null;
            }
            if (values[i] != null) {
                present++;
            }
        }
        if (present == 0) {
            return sealed; // nothing to protect; a replay after erasure must not create a new key
        }
        TinkPersonalDataCipher cipher = cipher();
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            if (values[i] != null) {
                if (subject == null || subject.isBlank()) {
                    throw new IllegalStateException("personal data without a data subject in field " + items.get(i).field());
                }
                categories[i] = categoryOf(cipher, tenant, items, categories, i);
            }
        }
        String[] group = new String[present];
        int[] members = new int[present];
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                continue;
            }
            String category = categories[i];
            StringBuilder fields = new StringBuilder();
            int count = 0;
            for (int j = i; j < n; j++) {
                if (values[j] != null && category.equals(categories[j])) {
                    if (count > 0) {
                        fields.append(',');
                    }
                    fields.append(items.get(j).field());
                    members[count] = j;
                    group[count++] = values[j];
                }
            }
            String first = cipher.sealTogether(tenant, subject, category, fields.toString(), group, count);
            String reference = TinkPersonalDataCipher.reference(category);
            for (int k = 0; k < count; k++) {
                sealed[members[k]] = k == 0 ? first : reference;
                values[members[k]] = null;
            }
        }
        return sealed;
    }

    /** The category of item {@code i}'s kind, resolved once per kind and object. */
    private static String categoryOf(TinkPersonalDataCipher cipher, String tenant, List<PersonalDataPlan.Item> items,
                                     String[] categories, int i) {
        for (int j = 0; j < i; j++) {
            if (categories[j] != null && items.get(j).kind() == items.get(i).kind()) {
                return categories[j];
            }
        }
        return cipher.categoryFor(tenant, items.get(i).kind());
    }

    /**
     * Opens the personal fields of {@code tree}: {@code ar1:} values one by one, {@code ar2:} values
     * per group. A field reads as {@link Redaction#VALUE} when its group does not open (key gone, not
     * authentic) or when no opened group of its category names it.
     */
    private void open(JsonNode tree, PersonalDataPlan plan, String tenant, String subject) {
        List<PersonalDataPlan.Item> items = plan.items();
        int n = items.size();
        ObjectNode[] parents = null;
        String[] stored = null;
        for (int i = 0; i < n; i++) {
            PersonalDataPlan.Item item = items.get(i);
            ObjectNode parent = parentOf(tree, item);
            JsonNode value = parent == null ? null : parent.get(item.name());
            if (value == null || !value.isTextual()) {
                continue;
            }
            String text = value.textValue();
            if (text.startsWith(PersonalDataCipher.GROUP_PREFIX)) {
                if (stored == null) {
                    parents = new ObjectNode[n];
                    stored = new String[n];
                }
                parents[i] = parent;
                stored[i] = text;
            } else if (text.startsWith(PersonalDataCipher.PREFIX)) {
                parent.put(item.name(), cipher().open(tenant, subject, item.field(), text));
            }
        }
        if (stored == null) {
            return;
        }
        String[] opened = new String[n];
        for (int i = 0; i < n; i++) {
            TinkPersonalDataCipher.GroupValue group = stored[i] == null ? null
                    : TinkPersonalDataCipher.GroupValue.parse(stored[i]);
            if (group == null || group.isReference()) {
                continue;
            }
            String[] fields = group.fieldList().split(",", -1);
            String[] values = cipher().openTogether(tenant, subject, group, fields.length);
            if (values == null) {
                continue;
            }
            for (int k = 0; k < fields.length; k++) {
                int member = plan.indexOf(fields[k]);
                if (member >= 0 && stored[member] != null
                        && (member == i || isReference(stored[member], group.category()))) {
                    opened[member] = values[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (stored[i] != null) {
                parents[i].put(items.get(i).name(), opened[i] != null ? opened[i] : Redaction.VALUE);
            }
        }
    }

    /** Whether {@code value} is {@code ar2:<category>:=}. */
    private static boolean isReference(String value, String category) {
        int prefix = PersonalDataCipher.GROUP_PREFIX.length();
        return value.length() == prefix + category.length() + 2
                && value.startsWith(category, prefix)
                && value.charAt(prefix + category.length()) == ':'
                && value.charAt(value.length() - 1) == '=';
    }

    private static ObjectNode parentOf(JsonNode tree, PersonalDataPlan.Item item) {
        JsonNode parent = tree;
        for (int i = 0; i < item.path().size() - 1 && parent != null; i++) {
            parent = parent.get(item.path().get(i));
        }
        return parent instanceof ObjectNode object ? object : null;
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
