package vn.ubkt.casework.access;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals where no side's advice applies: an unknown route (404), a method the route does not
 * have (405), an Accept it cannot answer (406), a body type it does not read (415), as problem+json on both sides
 * and in the standalone (API.md "Conventions"). Each side's advice comes first for its own controllers; a page
 * (HTML, outside {@code /api/}) keeps the product's error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackProblems extends ResponseEntityExceptionHandler {

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
