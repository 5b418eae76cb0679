package vn.ubkt.casework.command.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who acts and under which correlation id. The actor is the authenticated principal; a request without
 * one acts as {@code anonymous}. The correlation id is the caller's {@code X-Correlation-Id} when it is a
 * sane token, else a new UUID; it is echoed on the response.
 */
public record RequestContext(String actor, String correlationId) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static RequestContext of(HttpServletRequest request) {
        Object known = request.getAttribute(RequestContext.class.getName());
        if (known instanceof RequestContext context) {
            return context;
        }
        Principal principal = request.getUserPrincipal();
        String actor = principal == null ? "anonymous" : principal.getName();
        String given = request.getHeader(CORRELATION_HEADER);
        String correlationId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        RequestContext context = new RequestContext(actor, correlationId);
        request.setAttribute(RequestContext.class.getName(), context);
        return context;
    }
}
