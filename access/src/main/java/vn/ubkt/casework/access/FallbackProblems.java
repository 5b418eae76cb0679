package vn.ubkt.casework.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals where no side's advice applies: an unknown route (404), a method the route does not
 * have (405), an Accept it cannot answer (406), a body type it does not read (415), as problem+json on both sides
 * and in the standalone (API.md "Conventions"). Each side's advice comes first for its own controllers; a page
 * (HTML, outside {@code /api/}) keeps the product's error page. A database that cannot be reached, or that cancelled
 * a statement for a reason that passes (a connection pool exhausted, a standby's conflict with replay, a deadlock), is
 * {@code 503} with {@code Retry-After}, never a {@code 500}: the same request may succeed in a moment (a command sent
 * again with its {@code Idempotency-Key} is never applied twice).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackProblems.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class})
    void databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        // the exception's class only: a driver's message can quote the statement's values
        LOG.warn("{} {}: the database is unavailable ({}); answered 503", request.getMethod(), request.getRequestURI(),
                e.getClass().getSimpleName());
        if (!ProblemResponses.wantsProblem(request)) {
            throw e;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Cơ sở dữ liệu tạm thời không sẵn sàng", "Database temporarily unavailable",
                "Không đọc hay ghi được cơ sở dữ liệu lúc này. Thử lại sau ít giây; lệnh gửi kèm Idempotency-Key "
                        + "gửi lại không bị thực hiện hai lần.",
                "The database could not be read or written just now. Try again in a few seconds; a command sent again "
                        + "with its Idempotency-Key is never applied twice.");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && !ProblemResponses.wantsProblem(servlet.getRequest())) {
            // a page: the servlet container's error page (templates/error.html) answers instead
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
            return answer;
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(ProblemResponses.TYPE_PREFIX + switch (status.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                default -> status.value() < 500 ? "invalid-request" : "server-error";
            }));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(answer.getHeaders());
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, answer.getStatusCode());
    }
}
