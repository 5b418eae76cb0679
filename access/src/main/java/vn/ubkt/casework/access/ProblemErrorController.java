package vn.ubkt.casework.access;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * What reaches the container's error page (a failure in a filter, {@code sendError}, a request no controller
 * took) answers problem+json to API clients on both sides; pages keep {@code templates/error.html}.
 */
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
        super(attributes, properties, resolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (apiPath(request)) {
            write(request, response);
            return null;
        }
        return super.errorHtml(request, response);
    }

    /** Any other Accept: problem+json, written as it is whatever the client said it accepts. */
    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        write(request, ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse());
        return null;
    }

    private static boolean apiPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/");
    }

    static void write(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String type = switch (status.value()) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            default -> status.is5xxServerError() ? "server-error" : "invalid-request";
        };
        String detailEn = status.is5xxServerError() ? "The request failed on the server; it has been logged."
                : "The request was refused: " + status.getReasonPhrase() + ".";
        String detailVi = status.is5xxServerError() ? "Yêu cầu gặp lỗi ở máy chủ; lỗi đã được ghi lại."
                : "Yêu cầu bị từ chối: " + status.getReasonPhrase() + ".";
        try {
            ProblemResponses.write(request, response, status, type, status.getReasonPhrase(), status.getReasonPhrase(),
                    detailVi, detailEn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
