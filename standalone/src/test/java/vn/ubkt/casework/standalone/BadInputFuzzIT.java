package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Requests generated from the served OpenAPI document, so that a new operation is covered without touching this
 * test: wrong types, missing and extra fields, odd Unicode (NUL, lone surrogates, controls), huge strings and arrays,
 * bad enums and dates, malformed JSON and bytes that are not UTF-8, in path, query and body; signed in with every
 * role, and some without credentials. No answer may be a 5xx, every error answer is problem+json, and a request
 * refused with a 4xx appends no event (API.md "Conventions").
 */
class BadInputFuzzIT {

    /** At least this many requests per run (ISSUE 14), sent {@link #BATCH} at a time. */
    static final int TRIES = 5200;
    static final int BATCH = 4;
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(BATCH);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningApp app;
    private static AccessFixture tree;
    private static String basic;
    private static List<Operation> operations;
    private static JsonNode schemas;
    private static final AtomicInteger sent = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicBoolean fuzzed = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Map<String, Integer> statuses = new TreeMap<>();
    private static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private static long startedAt;

    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String method, String path, List<Param> params, JsonNode body, String bodyType) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One generated request; {@code body} is raw bytes (it may be anything but UTF-8 JSON). */
    record Request(Operation operation, String method, boolean anonymous, String path, String query,
                   String contentType, String accept, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return (anonymous ? "anonymous " : "") + method + " " + path + (query.isEmpty() ? "" : "?" + abbreviate(query))
                    + " [" + contentType + ", accept " + accept + "] " + shown.replace("\u0000", "\\0");
        }
    }

    @BeforeContainer
    static void start() {
        app = RunningApp.start();
        tree = new AccessFixture(app).build();
        basic = "Basic " + Base64.getEncoder().encodeToString(
                (RunningApp.TESTER + ":" + RunningApp.TESTER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        JsonNode document = app.http.anonymous().get("/v3/api-docs").json();
        schemas = document.path("components").path("schemas");
        operations = new ArrayList<>();
        JsonNode paths = document.get("paths");
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                List<Param> params = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    params.add(new Param(p.get("name").asString(), p.get("in").asString(), resolve(p.path("schema")),
                            p.path("required").asBoolean(false)));
                }
                JsonNode content = operation.path("requestBody").path("content");
                String bodyType = content.propertyNames().stream().findFirst().orElse(null);
                JsonNode body = bodyType == null ? null : resolve(content.get(bodyType).path("schema"));
                operations.add(new Operation(method.toUpperCase(), path, params, body, bodyType));
            }
        }
        assertThat(operations).as("the operations of the served OpenAPI document").hasSizeGreaterThan(30);
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void stop() {
        POOL.shutdownNow();
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = TRIES / BATCH, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF,
            afterFailure = AfterFailureMode.RANDOM_SEED)
    void badInputNeverGetsA5xxNorWritesAnEvent(@ForAll("batches") List<Request> batch) throws Exception {
        fuzzed.set(true);
        long mark = app.jdbc().sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (Request request : batch) {
            running.add(POOL.submit(() -> {
                check(request, mark);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> each : running) {
            each.get();
        }
    }

    private static void check(Request request, long mark) throws Exception {
        String correlation = "fuzz-" + sent.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = send(request, correlation);
        } catch (java.io.IOException e) {
            // a request line far over the server's limit (8 KB) may be cut off while its body is still being sent
            if (request.path().length() + request.query().length() < 8192) {
                failures.add("no answer (" + e + ") for " + request);
            }
            return;
        }
        int status = response.statusCode();
        synchronized (statuses) {
            statuses.merge(request.operation() + " " + status, 1, Integer::sum);
        }
        if (status >= 500) {
            failures.add(status + " for " + request + " -> " + abbreviate(response.body()));
            return;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(status + " not problem+json (" + type + ") for " + request + " -> " + abbreviate(response.body()));
            }
            long appended = app.jdbc().sql("select count(*) from domain_event_entry where global_index > :mark"
                            + " and position(:correlation in meta_data) > 0")
                    .param("mark", mark).param("correlation", correlation.getBytes(StandardCharsets.UTF_8))
                    .query(Long.class).single();
            if (appended > 0) {
                failures.add(status + " but " + appended + " event(s) appended for " + request);
            }
        }
    }

    /** Redocly CLI, pinned; CI (.ci/run) installs Node and npm where they are missing. */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Example
    @Label("the served OpenAPI document passes Redocly's recommended rules with no error")
    void documentPassesRedoclysRecommendedRules() throws Exception {
        java.nio.file.Path document = java.nio.file.Path.of("target", "openapi.json").toAbsolutePath();
        java.nio.file.Files.createDirectories(document.getParent());
        java.nio.file.Files.writeString(document, app.http.anonymous().get("/v3/api-docs").body());
        java.nio.file.Path config = document.resolveSibling("redocly.yaml");
        java.nio.file.Files.writeString(config, "extends:\n  - recommended\n");
        Process lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", document.toString(),
                "--config", config.toString(), "--format", "stylish")
                .redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        System.out.println(output);
        assertThat(finished && lint.exitValue() == 0).as("redocly lint of " + document + ":\n" + output).isTrue();
    }

    /** After the generated requests only (the lint example is a property of this container too). */
    @AfterProperty
    void report() {
        if (!fuzzed.getAndSet(false)) {
            return;
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        System.out.printf("BadInputFuzzIT: %d requests in %.1f s over %d operations%n", sent.get(), seconds,
                operations.size());
        statuses.forEach((key, count) -> {
            if (key.endsWith(" 500") || key.endsWith(" 503") || key.endsWith(" 502")) {
                System.out.println("  " + key + ": " + count);
            }
        });
        failures.stream().limit(40).forEach(f -> System.out.println("  FAILURE " + f));
        assertThat(sent.get()).as("generated requests").isGreaterThanOrEqualTo(5000);
        assertThat(failures).as("5xx answers, error answers not problem+json, events appended by a 4xx").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // generation

    @Provide
    Arbitrary<List<Request>> batches() {
        Map<Operation, Arbitrary<Request>> each = new java.util.HashMap<>();
        return Arbitraries.of(operations).flatMap(operation -> each.computeIfAbsent(operation, BadInputFuzzIT::request))
                .list().ofSize(BATCH);
    }

    private static Arbitrary<Request> request(Operation operation) {
        Arbitrary<String> path = pathOf(operation);
        Arbitrary<String> query = queryOf(operation);
        Arbitrary<byte[]> body = bodyOf(operation);
        Arbitrary<Boolean> anonymous = Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just(false)),
                Tuple.of(15, Arbitraries.just(true)));
        // mostly the declared method, media types; sometimes a method, content type or Accept the route refuses
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(94, Arbitraries.just(operation.method())),
                Tuple.of(6, Arbitraries.of("PUT", "DELETE", "PATCH", "POST", "GET")));
        String declaredType = operation.bodyType() == null ? "application/json" : operation.bodyType();
        Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(92, Arbitraries.just(declaredType)),
                Tuple.of(8, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/json; charset=ISO-8859-1", "")));
        Arbitrary<String> accept = Arbitraries.frequencyOf(Tuple.of(90, Arbitraries.just("application/json, */*")),
                Tuple.of(10, Arbitraries.of("application/xml", "text/csv", "image/png", "text/html", "")));
        return Combinators.combine(path, query, body, anonymous, method, contentType, accept)
                .as((p, q, b, anon, m, type, acc) -> new Request(operation, m, anon, p, q, multipartFix(type), acc, b));
    }

    private static final String BOUNDARY = "----casework-fuzz";

    private static String multipartFix(String contentType) {
        return contentType.startsWith("multipart/form-data") ? "multipart/form-data; boundary=" + BOUNDARY : contentType;
    }

    private static Arbitrary<String> pathOf(Operation operation) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        String template = operation.path();
        List<String> names = new ArrayList<>();
        for (int at = template.indexOf('{'); at >= 0; at = template.indexOf('{', at + 1)) {
            String name = template.substring(at + 1, template.indexOf('}', at));
            names.add(name);
            parts.add(Arbitraries.frequencyOf(Tuple.of(50, Arbitraries.just(encode(knownValue(template, name)))),
                    // an id that exists, but of another kind: a committee's for a case, a case's for a complaint
                    Tuple.of(8, Arbitraries.of(AccessFixture.P1, tree.caseInside, tree.complaintInside,
                            tree.suspensionInside, tree.caseOutside)),
                    Tuple.of(42, urlText())));
        }
        if (parts.isEmpty()) {
            return Arbitraries.just(template);
        }
        return Combinators.combine(parts).as(values -> {
            String concrete = template;
            for (int i = 0; i < names.size(); i++) {
                String value = values.get(i).isEmpty() ? "x" : values.get(i);
                concrete = concrete.replace("{" + names.get(i) + "}", value);
            }
            return concrete;
        });
    }

    /** A value that exists, so that the bad input meets the deeper paths of an operation. */
    private static String knownValue(String path, String name) {
        return switch (name) {
            case "id" -> path.startsWith("/api/cases") ? tree.caseInside
                    : path.startsWith("/api/complaints") ? tree.complaintInside
                    : path.startsWith("/api/suspensions") ? tree.suspensionInside
                    : path.startsWith("/api/committees") ? AccessFixture.P1 : "x";
            case "username" -> RunningApp.TESTER;
            case "memberId" -> "AX-M-1";
            case "name" -> "committee-tree";
            case "code" -> "13";
            case "row" -> "I";
            case "column" -> "1";
            default -> "00000000-0000-0000-0000-000000000000";
        };
    }

    private static Arbitrary<String> queryOf(Operation operation) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Param param : operation.params()) {
            if (!"query".equals(param.in())) {
                continue;
            }
            Arbitrary<String> value = Arbitraries.frequencyOf(
                    Tuple.of(35, Arbitraries.just("")),
                    Tuple.of(35, validScalar(param.name(), param.schema()).map(BadInputFuzzIT::encode)),
                    Tuple.of(30, urlText()));
            parts.add(value.map(v -> v.isEmpty() ? "" : param.name() + "=" + v));
        }
        // now and then a parameter nobody declared, or a declared one twice
        parts.add(Arbitraries.frequencyOf(Tuple.of(88, Arbitraries.just("")),
                Tuple.of(12, Combinators.combine(urlText(), urlText()).as((n, v) -> (n.isEmpty() ? "x" : n) + "=" + v))));
        return Combinators.combine(parts).as(values -> String.join("&", values.stream().filter(v -> !v.isEmpty()).toList()));
    }

    private static Arbitrary<byte[]> bodyOf(Operation operation) {
        if (operation.bodyType() != null && operation.bodyType().startsWith("multipart/")) {
            return multipart(operation.body());
        }
        Arbitrary<byte[]> json = operation.body() == null
                ? Arbitraries.of("", "{}").map(BadInputFuzzIT::utf8)
                : jsonValue(operation.body(), 0).map(BadInputFuzzIT::utf8);
        return Arbitraries.frequencyOf(Tuple.of(80, json), Tuple.of(20, malformedJson()));
    }

    private static Arbitrary<byte[]> multipart(JsonNode schema) {
        List<Arbitrary<String>> fields = new ArrayList<>();
        for (String name : schema.path("properties").propertyNames()) {
            JsonNode property = resolve(schema.path("properties").get(name));
            if ("binary".equals(property.path("format").asString(""))) {
                fields.add(Arbitraries.frequencyOf(Tuple.of(80, oddText().map(filename -> part(name,
                                filename.isEmpty() ? "a.txt" : filename, "hello"))),
                        Tuple.of(20, Arbitraries.just(""))));
            } else {
                fields.add(Arbitraries.frequencyOf(Tuple.of(40, validScalar(name, property)), Tuple.of(40, oddText()),
                        Tuple.of(20, Arbitraries.just((String) null))).map(v -> v == null ? "" : part(name, null, v)));
            }
        }
        return Combinators.combine(fields).as(parts -> utf8(String.join("", parts) + "--" + BOUNDARY + "--\r\n"));
    }

    private static String part(String name, String filename, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename.replace("\"", "") + "\"\r\nContent-Type: text/plain")
                + "\r\n\r\n" + value + "\r\n";
    }

    /** JSON text for a schema: mostly right, with wrong, odd, missing and extra members. */
    private static Arbitrary<String> jsonValue(JsonNode schema, int depth) {
        schema = resolve(schema);
        Arbitrary<String> right = rightJson(schema, depth);
        Arbitrary<String> wrong = Arbitraries.oneOf(
                oddText().map(BadInputFuzzIT::quote),
                Arbitraries.of("null", "true", "-1", "0", "1e400", "123456789012345678901234567890", "3.5", "[]", "{}",
                        "\"\"", "\"2026-02-30\"", "\"NOT_A_VALUE\"", "\"9999-99-99T99:99:99Z\"", "[null]",
                        "{\"\":null}", "-0", "\"-1\""),
                Arbitraries.just(quote("x".repeat(300_000))),
                Arbitraries.just("[" + "\"x\",".repeat(20_000) + "\"x\"]"));
        return Arbitraries.frequencyOf(Tuple.of(depth == 0 ? 92 : 80, right), Tuple.of(depth == 0 ? 8 : 20, wrong));
    }

    private static Arbitrary<String> rightJson(JsonNode schema, int depth) {
        String type = schema.path("type").asString("");
        if (schema.has("properties") || "object".equals(type)) {
            if (depth > 4) {
                return Arbitraries.just("{}");
            }
            List<Arbitrary<String>> members = new ArrayList<>();
            JsonNode properties = schema.path("properties");
            for (String name : properties.propertyNames()) {
                JsonNode property = properties.get(name);
                members.add(Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")),
                        Tuple.of(88, jsonValue(property, depth + 1).map(v -> quote(name) + ":" + v))));
            }
            if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                JsonNode values = schema.get("additionalProperties");
                members.add(Combinators.combine(oddText(), jsonValue(values, depth + 1))
                        .as((k, v) -> quote(k) + ":" + v));
            }
            members.add(Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just("")),
                    Tuple.of(15, Combinators.combine(oddText(), oddText()).as((k, v) -> quote(k) + ":" + quote(v)))));
            return Combinators.combine(members).as(list ->
                    "{" + String.join(",", list.stream().filter(m -> !m.isEmpty()).toList()) + "}");
        }
        if ("array".equals(type)) {
            if (depth > 4) {
                return Arbitraries.just("[]");
            }
            return jsonValue(schema.path("items"), depth + 1).list().ofMaxSize(4)
                    .map(items -> "[" + String.join(",", items) + "]");
        }
        return switch (type) {
            case "integer" -> Arbitraries.longs().between(-3, 3_000_000_000L).map(String::valueOf);
            case "number" -> Arbitraries.doubles().between(-10, 1e6).map(String::valueOf);
            case "boolean" -> Arbitraries.of("true", "false");
            default -> validScalar("", schema).map(BadInputFuzzIT::quote);
        };
    }

    /** A plausible scalar for a schema: an enum's constant, a date, an existing id, some Vietnamese text. */
    private static Arbitrary<String> validScalar(String name, JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            List<String> constants = new ArrayList<>();
            schema.get("enum").forEach(c -> constants.add(c.asString()));
            return Arbitraries.of(constants);
        }
        String type = schema.path("type").asString("");
        String format = schema.path("format").asString("");
        if ("integer".equals(type) || "number".equals(type)) {
            return Arbitraries.integers().between(0, 50).map(String::valueOf);
        }
        if ("boolean".equals(type)) {
            return Arbitraries.of("true", "false");
        }
        if ("date".equals(format)) {
            return Arbitraries.of("2026-01-01", "2026-05-01", "2025-12-31");
        }
        if ("date-time".equals(format)) {
            return Arbitraries.of("2026-05-01T00:00:00Z", "2026-01-01T08:00:00+07:00");
        }
        if (name.toLowerCase().contains("committee")) {
            return Arbitraries.of(AccessFixture.P1, AccessFixture.P1_UBKT, RunningApp.CENTRAL);
        }
        if (name.toLowerCase().contains("period")) {
            return Arbitraries.of("Y:2026", "H1:2026", "Q2:2026");
        }
        return Arbitraries.of("Nguyễn Văn A", "Đảng viên vi phạm", "AX-M-1", tree.caseInside, "2026-05-01");
    }

    /** Text to break things: NUL, lone surrogates, controls, right-to-left marks, huge, and anything jqwik makes. */
    private static Arbitrary<String> oddText() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.of("\u0000", "AX-TU1\u0000", "\uD800", "a\uDC00b", "\uDBFF\uDBFF", "\u0007\u001B",
                        "\r\n", "\uFFFE\uFFFF", "\uFEFF", "\u202Eabc", "e\u0301\u0301\u0301", "😀", "' or 1=1 --",
                        "../../etc/passwd", "%00", "${jndi:ldap://x}", "null", "", " ", "-1", "NaN", "2026-02-30",
                        "0000-00-00", "Y:99999", "Q5:2026")),
                Tuple.of(40, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(15, Arbitraries.strings().withCharRange('\u0000', '\u001f').withCharRange('\uD800', '\uDFFF')
                        .ofMinLength(1).ofMaxLength(6)),
                Tuple.of(5, Arbitraries.of("x".repeat(100_000), "Đ".repeat(50_000))));
    }

    /** Text for a URL: odd text encoded, or bytes that are not UTF-8 at all, or a broken escape. */
    private static Arbitrary<String> urlText() {
        return Arbitraries.frequencyOf(Tuple.of(80, oddText().map(BadInputFuzzIT::encode)),
                Tuple.of(20, Arbitraries.of("%FF", "%C0%80", "%ED%A0%80", "%F0%9F", "a%00b", "%E2%82", "%2F..%2F")));
    }

    private static Arbitrary<byte[]> malformedJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("{", "[1,", "{'a':1}", "nul", "{\"a\":}", "{\"a\" 1}", "\"\\uD800\"", "{\"a\":\"\\u0000\"}",
                        "[" .repeat(5000), "1" + "0".repeat(2000), "{\"a\":1}garbage", "\u0000", "").map(BadInputFuzzIT::utf8),
                Arbitraries.just(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xC0, '"', '}'}),
                Arbitraries.just(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    // ---------------------------------------------------------------------------------------------------------
    // encoding and sending

    /** Percent-encodes UTF-8, except that a lone surrogate goes out as the CESU-8 bytes a careless client sends. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
                continue;
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** JSON string literal with every non-ASCII or control character escaped, lone surrogates included. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private static HttpResponse<String> send(Request request, String correlation) throws Exception {
        URI uri = URI.create(app.http.base + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-Correlation-Id", correlation);
        if (!request.anonymous()) {
            builder.header("Authorization", basic);
        }
        if (!request.accept().isEmpty()) {
            builder.header("Accept", request.accept());
        }
        if (WITH_BODY.contains(request.method())) {
            if (!request.contentType().isEmpty()) {
                builder.header("Content-Type", request.contentType());
            }
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return resolve(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }
}
