package vn.ubkt.casework.query.platform;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Failures of the read API as problem+json (API.md "Conventions"): 400 names the parameter, 404 the id. */
@RestControllerAdvice(basePackages = "vn.ubkt.casework.query")
class QuerySideProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:ubkt:casework:problem:";

    private final MessageSource messages;

    QuerySideProblems(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", text("problem.notFound"),
                text("notFound." + e.kind(), e.id())));
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        boolean gone = e.status() == HttpStatus.GONE;
        if (e.status() == HttpStatus.CONFLICT) {
            return respond(problem(e.status(), "conflict", text("problem.conflict"), text("refused." + e.messageKey(),
                    e.arguments())));
        }
        return respond(problem(e.status(), gone ? "gone" : "forbidden", text(gone ? "problem.gone" : "problem.forbidden"),
                text("refused." + e.messageKey(), e.arguments())));
    }

    @ExceptionHandler(FileAlteredException.class)
    ResponseEntity<ProblemDetail> altered(FileAlteredException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "file-altered", text("problem.fileAltered"),
                text("fileAltered.detail", e.fileId()));
        problem.setProperty("recordedSha256", e.recorded());
        problem.setProperty("storedSha256", e.stored());
        return respond(problem);
    }

    @ExceptionHandler(NotYetReadException.class)
    ResponseEntity<ProblemDetail> notYet(NotYetReadException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent", text("problem.notYet"),
                text("notYet.version", e.wanted(), e.current()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(problemHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(VersionNotRecordedException.class)
    ResponseEntity<ProblemDetail> versionNotRecorded(VersionNotRecordedException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", text("problem.notFound"),
                text("notFound.caseVersion", e.wanted(), e.caseId(), e.recorded())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return respond(invalid(null, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(invalid(e.getName(), text("invalid.parameter", e.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(invalid(e.getPropertyName(), text("invalid.parameter", e.getValue())),
                problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(invalid(e.getParameterName(), text("invalid.missing")), problemHeaders(),
                HttpStatus.BAD_REQUEST);
    }

    /** A body that is not JSON, or a member that is not of its type or not text: 400 naming the member. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String message = text("invalid.malformed");
        if (e.getCause() instanceof JacksonException jackson) {
            if (!jackson.getPath().isEmpty()) {
                field = jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
            }
            message = message + ": " + jackson.getOriginalMessage();
        }
        return new ResponseEntity<>(invalid(field, message), problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", text("problem.invalid"),
                field == null ? message : field + ": " + message);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(problemHeaders()).body(problem);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
