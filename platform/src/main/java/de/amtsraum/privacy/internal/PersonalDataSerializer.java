package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.privacy.Redaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
    private final Supplier<TinkPersonalDataCipher> cipherSource;
    private volatile TinkPersonalDataCipher cipher;
    private final Map<Class<?>, PersonalDataPlan> plans = new ConcurrentHashMap<>();

    /**
     * @param objectMapper the delegate's mapper: personal types are turned into a tree once, directly
     * @param cipher       asked on first use (the cipher's dependencies reach back to the serializer)
     */
    PersonalDataSerializer(Serializer delegate, ObjectMapper objectMapper, Supplier<TinkPersonalDataCipher> cipher) {
        this.delegate = delegate;
        this.objectMapper = objectMapper;
        this.cipherSource = cipher;
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
        seal(tree, plan, tenant, subject);
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

    /**
     * Seals the personal fields of {@code tree}: all values of one category together ({@code ar2:}),
     * the first field carrying the sealed value, the others a reference to it. Null and redacted
     * values stay as they are.
     */
    private void seal(JsonNode tree, PersonalDataPlan plan, String tenant, String subject) {
        List<PersonalDataPlan.Item> items = plan.items();
        int n = items.size();
        ObjectNode[] parents = new ObjectNode[n];
        String[] values = new String[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            ObjectNode parent = parentOf(tree, items.get(i));
            JsonNode value = parent == null ? null : parent.get(items.get(i).name());
            if (value != null && value.isTextual() && !Redaction.isRedacted(value.textValue())) {
                parents[i] = parent;
                values[i] = value.textValue();
                present++;
            }
        }
        if (present == 0) {
            return; // nothing to protect; a replay after erasure must not create a new key
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
                int member = members[k];
                parents[member].put(items.get(member).name(), k == 0 ? first : reference);
                values[member] = null;
            }
        }
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
