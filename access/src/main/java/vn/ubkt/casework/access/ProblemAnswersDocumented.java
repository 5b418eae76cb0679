package vn.ubkt.casework.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The served OpenAPI document tells a client what can go wrong (ISSUE 14): every operation declares its security
 * and the problem+json answers that apply to it (API.md "Conventions"), whichever side (or both) serves it.
 */
final class ProblemAnswersDocumented implements OpenApiCustomizer {

    /** Operations open to anyone, signed in or not (as {@link AccessRules} has them). */
    static final Set<String> OPEN = Set.of("GET /api/integrity/key");

    private static final String PROBLEM = "Problem";
    private static final Map<String, String[]> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("400", new String[] {"BadRequest", "Invalid input: each field or parameter at fault is named in errors"});
        ANSWERS.put("401", new String[] {"Unauthorized", "Not signed in (HTTP Basic, Bearer or a page session)"});
        ANSWERS.put("403", new String[] {"Forbidden", "The user's roles or jurisdiction do not allow this"});
        ANSWERS.put("404", new String[] {"NotFound", "No such record, or one outside the user's jurisdiction"});
        ANSWERS.put("409", new String[] {"Conflict", "The record's state does not allow this, or a concurrent change won"});
        ANSWERS.put("422", new String[] {"UnprocessableContent", "A rule of the rulebook refuses this (rule, source, version)"});
        ANSWERS.put("429", new String[] {"TooManyRequests", "Too many failed sign-ins: retry after the time given"});
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Components components = api.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        ANSWERS.forEach((status, answer) -> components.addResponses(answer[0], new ApiResponse().description(answer[1])
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(method, path, operation)));
    }

    private static void describe(PathItem.HttpMethod method, String path, Operation operation) {
        boolean open = OPEN.contains(method.name() + " " + path);
        boolean reads = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (open) {
            operation.setSecurity(List.of(new SecurityRequirement()));
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList("basic"),
                    new SecurityRequirement().addList("bearer")));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        if (input || !reads) {
            answer(responses, "400");
        }
        if (!open) {
            answer(responses, "401");
            answer(responses, "403");
            answer(responses, "429");
        }
        if (path.contains("{")) {
            answer(responses, "404");
        }
        if (!reads) {
            answer(responses, "409");
            answer(responses, "422");
        }
    }

    private static void answer(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + ANSWERS.get(status)[0]));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field or parameter, as the client wrote it"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details (API.md \"Conventions\")")
                .addProperty("type", new StringSchema().format("uri").example("urn:ubkt:casework:problem:invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldProblem));
    }
}
