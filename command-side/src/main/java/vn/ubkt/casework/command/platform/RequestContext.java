package vn.ubkt.casework.command.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.ubkt.casework.access.Actor;

/**
 * Who acts and under which correlation id. The actor is the signed-in user (API.md "Accountability": never
 * anonymous). The correlation id is the caller's {@code X-Correlation-Id} when it is a sane token, else a new
 * UUID; it is echoed on the response.
 */
public record RequestContext(String actor, String actorName, String actorCommittee, String correlationId) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static RequestContext of(HttpServletRequest request) {
        Object known = request.getAttribute(RequestContext.class.getName());
        if (known instanceof RequestContext context) {
            return context;
        }
        Actor actor = Actor.current();
        String given = request.getHeader(CORRELATION_HEADER);
        String correlationId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        RequestContext context = new RequestContext(actor.username(), actor.fullName(),
                actor.committeeId() == null ? "" : actor.committeeId(), correlationId);
        request.setAttribute(RequestContext.class.getName(), context);
        return context;
    }
}
