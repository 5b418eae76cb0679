package vn.ubkt.casework.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with Retry-After to a sign-in attempt (the login form, or HTTP Basic credentials) for a username
 * that is locked out, before its password is even looked at.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = attemptedUsername(request);
        Optional<Duration> locked = username == null ? Optional.empty() : throttle.lockedFor(username);
        if (locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, locked.get().toSeconds() + 1);
        response.setHeader("Retry-After", Long.toString(seconds));
        long minutes = (seconds + 59) / 60;
        if (ProblemResponses.wantsProblem(request)) {
            ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
                    "Tạm khóa đăng nhập", "Sign-in temporarily locked",
                    "Đăng nhập sai quá nhiều lần; thử lại sau " + minutes + " phút.",
                    "Too many failed sign-ins; try again in " + minutes + " minutes.");
        } else {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("""
                    <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tạm khóa đăng nhập</title>
                    <link rel="stylesheet" href="/ui/casework.css"></head><body><main class="login">
                    <h1>Tạm khóa đăng nhập</h1><p id="locked">Đăng nhập sai quá nhiều lần; thử lại sau %d phút.</p>
                    <p><a href="/login">Đăng nhập</a></p></main></body></html>""".formatted(minutes));
        }
    }

    private static String attemptedUsername(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        return null;
    }
}
