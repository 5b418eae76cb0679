package vn.ubkt.casework.command.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every failure of the command side as RFC 9457 problem+json (API.md "Conventions"): 400 lists every
 * field problem, 404 an unknown id, 409 a state that does not allow the step, 422 a rule that refuses,
 * with the rule, its source and the rulebook version. Nothing a client sends yields a 500.
 */
@RestControllerAdvice(basePackages = "vn.ubkt.casework.command")
public class ProblemHandling extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:ubkt:casework:problem:";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final MessageSource messages;

    ProblemHandling(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        String detail = text("rule." + e.messageKey(), e.arguments());
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation",
                text("problem.rule", e.rule()), detail);
        problem.setProperty("rule", e.rule());
        problem.setProperty("ruleSource", e.ruleSource());
        problem.setProperty("rulebookVersion", e.rulebookVersion());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), detail)));
        }
        return respond(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", text("problem.conflict"),
                text("conflict." + e.messageKey(), e.arguments()));
        problem.setProperty("currentStatus", e.currentStatus());
        problem.setProperty("allowed", e.allowed());
        return respond(problem);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", text("problem.forbidden"),
                text("forbidden." + e.messageKey(), e.arguments())));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        log.info("A concurrent change won: {}", e.getMessage());
        return respond(problem(HttpStatus.CONFLICT, "concurrent-change", text("problem.conflict"),
                text("conflict.concurrent")));
    }

    /** An upload sent again with its Idempotency-Key: the first answer, as it was given. */
    @ExceptionHandler(IdempotencyFilter.KeyAnswered.class)
    ResponseEntity<byte[]> replayed(IdempotencyFilter.KeyAnswered e) {
        return e.response();
    }

    @ExceptionHandler(IdempotencyFilter.KeyRefused.class)
    ResponseEntity<ProblemDetail> keyRefused(IdempotencyFilter.KeyRefused e) {
        return respond(problem(e.status, e.type, e.status.getReasonPhrase(), text(e.messageKey)));
    }

    @ExceptionHandler(Uploads.TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(Uploads.TooLargeException e) {
        return tooLarge(e.limit);
    }

    private ResponseEntity<ProblemDetail> tooLarge(long limit) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", text("problem.tooLarge"),
                text("tooLarge.file", limit));
        problem.setProperty("limit", limit);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(tooLarge(e.getMaxUploadSize()).getBody(), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(invalid(List.of(new FieldProblem(e.getRequestPartName(), text("invalid.file")))),
                problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** Not a multipart request, or one the container could not read: the client's input all the same. */
    @ExceptionHandler({Uploads.MissingFile.class, org.springframework.web.multipart.MultipartException.class})
    ResponseEntity<ProblemDetail> missingFile(RuntimeException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException max) {
            return tooLarge(max.getMaxUploadSize());
        }
        if (e.getCause() instanceof IllegalStateException cause
                && cause.getClass().getName().contains("SizeLimitExceeded")) {
            return tooLarge(-1);
        }
        return respond(invalid(List.of(new FieldProblem("file", text("invalid.file")))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", text("problem.notFound"),
                text("notFound." + e.kind(), e.id())));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", text("problem.notFound"),
                text("notFound.aggregate", e.getAggregateIdentifier())));
    }

    /** The id names a record of another kind (a committee's id sent as a case's): no such record of this kind. */
    @ExceptionHandler(org.axonframework.eventsourcing.IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(org.axonframework.eventsourcing.IncompatibleAggregateException e,
                                            WebRequest request) {
        Object variables = request.getAttribute(
                org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, WebRequest.SCOPE_REQUEST);
        Object id = variables instanceof java.util.Map<?, ?> map ? map.get("id") : null;
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", text("problem.notFound"),
                text("notFound.aggregate", id == null ? "" : id)));
    }

    /** A message record refused a value the request layer let through: still the client's input. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return respond(invalid(List.of(new FieldProblem(null, e.getMessage()))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(fieldName(error.getField()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(null, error.getDefaultMessage())));
        return new ResponseEntity<>(invalid(problems), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                // a validated request body: name each field by its path in the JSON
                errors.getFieldErrors().forEach(error ->
                        problems.add(new FieldProblem(fieldName(jsonPath(error.getField())), error.getDefaultMessage())));
                errors.getGlobalErrors().forEach(error -> problems.add(new FieldProblem(null, error.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(name, error.getDefaultMessage())));
            }
        }
        return new ResponseEntity<>(invalid(problems), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = new FieldProblem(null, text("invalid.malformed"));
        // a letter's body may carry its sender: the parser's words, which quote what was sent, are not repeated
        boolean confidential = request instanceof ServletWebRequest servlet
                && "/api/complaints".equals(servlet.getRequest().getRequestURI());
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String path = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = new FieldProblem(path, confidential && path.startsWith("denouncer")
                    ? text("invalid.confidential") : text("invalid.value", jackson.getOriginalMessage()));
        } else if (e.getCause() instanceof JacksonException jackson && !confidential) {
            problem = new FieldProblem(null, text("invalid.malformed") + ": " + jackson.getOriginalMessage());
        }
        return new ResponseEntity<>(invalid(List.of(problem)), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private ProblemDetail invalid(List<FieldProblem> problems) {
        String detail = problems.stream()
                .map(p -> p.field() == null ? p.message() : p.field() + ": " + p.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", text("problem.invalid"), detail);
        problem.setProperty("errors", problems);
        return problem;
    }

    /**
     * Bean Validation names a map entry {@code ballot[X]} (or {@code ballot<K>[X]} for its key); the client
     * wrote {@code ballot.X}. List indexes stay as they are: {@code violationCategories[0]}.
     */
    private static String jsonPath(String field) {
        return field.replaceAll("<[A-Z]+>", "").replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1");
    }

    /**
     * A record's {@code @AssertTrue isXValid()} reports as "xValid" and concerns field x; {@code isAnyGiven()}
     * reports as "anyGiven" and concerns the whole body.
     */
    private static String fieldName(String field) {
        if (field.endsWith("Given")) {
            return null;
        }
        return field.endsWith("Valid") ? field.substring(0, field.length() - "Valid".length()) : field;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(problemHeaders()).body(problem);
    }

    private String text(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, key, locale);
    }
}
