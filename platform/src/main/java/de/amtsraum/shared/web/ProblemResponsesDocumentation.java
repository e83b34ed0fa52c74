package de.amtsraum.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Makes the OpenAPI document say what the API really answers (ADR 0031), in one place instead of
 * annotations on every operation:
 * <ul>
 * <li>every operation declares the RFC 9457 refusals as {@code application/problem+json} with the
 * {@code Problem} schema: 400, 404, 406, 409, 422 and 429 always, 401 and 403 where the operation needs a
 * bearer token, 415 where it takes a body;</li>
 * <li>a property that a schema does not list as required may be {@code null}: Jackson writes absent
 * values of records as {@code null} (and reads a missing field as {@code null}), so the document admits
 * {@code null} for them (OpenAPI 3.1: {@code "null"} added to the type, or {@code anyOf} with
 * {@code {"type": "null"}} around references and enumerations).</li>
 * </ul>
 * Checked by the schemathesis run {@code bench/fuzz} (response-schema and status-code conformance).
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponsesDocumentation {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final List<HttpStatus> ALWAYS = List.of(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND,
            HttpStatus.NOT_ACCEPTABLE, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_ENTITY,
            HttpStatus.TOO_MANY_REQUESTS);
    private static final List<HttpStatus> SECURED = List.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);

    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponsesDocumentation::customise;
    }

    static void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ProblemResponsesDocumentation::admitNullForOptional);
        }
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            List<HttpStatus> statuses = new ArrayList<>(ALWAYS);
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                statuses.addAll(SECURED);
            }
            if (operation.getRequestBody() != null) {
                statuses.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            }
            statuses.forEach(status -> declare(operation, responses, status));
        }));
    }

    private static void declare(Operation operation, ApiResponses responses, HttpStatus status) {
        String code = String.valueOf(status.value());
        if (responses.containsKey(code)) {
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(status.getReasonPhrase())
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new JsonSchema().$ref(PROBLEM_REF)))));
    }

    /** RFC 9457 problem details as ProblemDetail writes them; further members (extensions) are allowed. */
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri-reference"));
        properties.put("title", typed("string"));
        properties.put("status", typed("integer").format("int32"));
        properties.put("detail", typed("string"));
        properties.put("instance", typed("string").format("uri-reference"));
        return typed("object").properties(properties)
                .description("RFC 9457 problem details (application/problem+json)");
    }

    private static Schema<?> typed(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(Set.of(type)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void admitNullForOptional(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = (Map) schema.getProperties();
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null || property.getEnum() != null) {
            if (property.getAnyOf() != null) {
                for (Object option : property.getAnyOf()) {
                    if (option instanceof Schema<?> schema && isNull(schema)) {
                        return property;
                    }
                }
            }
            return new JsonSchema().anyOf(List.of(property, typed("null")));
        }
        Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes())
                : property.getType() != null ? new LinkedHashSet<>(Set.of(property.getType())) : null;
        if (types == null) {
            return property; // no type: anything, null included
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    @SuppressWarnings("rawtypes")
    private static boolean isNull(Schema schema) {
        return schema.getTypes() != null && schema.getTypes().equals(Set.of("null"));
    }
}
