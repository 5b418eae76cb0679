package vn.ubkt.casework.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Problem+json answers written by the security filters, before any controller (API.md, "Conventions"). */
final class ProblemResponses {

    static final String TYPE_PREFIX = "urn:ubkt:casework:problem:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static boolean wantsProblem(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || path.startsWith("/actuator")
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }

    static boolean english(HttpServletRequest request) {
        Locale locale = request.getLocale();
        String header = request.getHeader("Accept-Language");
        return header != null && locale != null && "en".equals(locale.getLanguage());
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String titleVi, String titleEn, String detailVi, String detailEn) throws IOException {
        write(request, response, status, type, titleVi, titleEn, detailVi, detailEn, Map.of());
    }

    /** With further members, such as the {@code errors} of a 400 (API.md, "Conventions"). */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String titleVi, String titleEn, String detailVi, String detailEn, Map<String, Object> members)
            throws IOException {
        boolean en = english(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + type);
        problem.put("title", en ? titleEn : titleVi);
        problem.put("status", status.value());
        problem.put("detail", en ? detailEn : detailVi);
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        problem.put("instance", failed != null ? failed.toString() : request.getRequestURI());
        problem.putAll(members);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
