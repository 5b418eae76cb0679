package vn.ubkt.casework.access;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals, before the application sees the request (a NUL or bytes that are not UTF-8 in the path,
 * a request line or headers too long): problem+json instead of Tomcat's HTML page (API.md "Conventions").
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String type = status == 404 ? "not-found" : status >= 500 ? "server-error" : "invalid-request";
        String detail = status >= 500 ? "The request failed on the server."
                : "The request was refused before the application read it: its address or headers are not valid"
                + " (too long, not UTF-8, or with a control character).";
        String json = "{\"type\":\"" + ProblemResponses.TYPE_PREFIX + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response was already on its way: nothing more to say
        }
    }
}
