package vn.ubkt.casework.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request, on both sides: a path or query parameter that is not text ({@link InputText})
 * is answered 400 problem+json naming it, before security, idempotency keys or any query see it. Multipart fields
 * and request bodies are checked where they are read (Spring's binding and the JSON parser).
 */
final class InputGuard extends OncePerRequestFilter {

    record FieldProblem(String field, String message) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> problems = problems(request.getRequestURI(), request.getQueryString());
        if (problems.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String vi = String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("errors", problems);
        ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "invalid-request",
                "Yêu cầu không hợp lệ", "Invalid request", vi, vi, members);
    }

    static List<FieldProblem> problems(String rawPath, String rawQuery) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rawPath != null) {
            for (String segment : rawPath.split("/")) {
                String text = InputText.decode(segment, false);
                String problem = text == null ? "is not UTF-8 text" : InputText.problem(text);
                if (problem != null) {
                    // the path variable's name is not known before the handler: the segment's position says which
                    problems.add(new FieldProblem("path", "the segment '" + printable(segment) + "' " + problem));
                }
            }
        }
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name = InputText.decode(rawName, true);
                if (name == null || InputText.problem(name) != null) {
                    problems.add(new FieldProblem(null, "a parameter's name '" + printable(rawName) + "' is not text"));
                    continue;
                }
                String value = equals < 0 ? "" : InputText.decode(pair.substring(equals + 1), true);
                String problem = value == null ? "is not UTF-8 text" : InputText.problem(value);
                if (problem != null) {
                    problems.add(new FieldProblem(name, problem));
                }
            }
        }
        return problems;
    }

    /** The raw (still percent-encoded) segment, shortened: ASCII only, safe to quote back. */
    private static String printable(String raw) {
        String ascii = raw.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() > 60 ? ascii.substring(0, 60) + "…" : ascii;
    }
}
