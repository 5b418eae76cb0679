package vn.ubkt.casework.access;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The users API's failures as problem+json (API.md "Conventions"). */
@RestControllerAdvice(assignableTypes = UserController.class)
class AccessProblems extends ResponseEntityExceptionHandler {

    static final class UsernameTaken extends RuntimeException {
        UsernameTaken(String username) {
            super("username " + username + " is taken");
        }
    }

    static final class NoSuchUser extends RuntimeException {
        NoSuchUser(String username) {
            super("no user " + username);
        }
    }

    static final class NotYours extends RuntimeException {
    }

    static final class UnknownCommittee extends RuntimeException {
        UnknownCommittee(String committeeId) {
            super("no committee " + committeeId + " in the tree");
        }
    }

    static final class WrongCurrentPassword extends RuntimeException {
    }

    static final class SamePassword extends RuntimeException {
    }

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(UsernameTaken.class)
    ProblemDetail taken(UsernameTaken e) {
        return problem(HttpStatus.CONFLICT, "username-taken", "Tên đăng nhập đã có", e.getMessage());
    }

    @ExceptionHandler(NoSuchUser.class)
    ProblemDetail missing(NoSuchUser e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", e.getMessage());
    }

    @ExceptionHandler(NotYours.class)
    ProblemDetail notYours() {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền",
                "only the user themself or an ADMIN changes a password");
    }

    @ExceptionHandler(UnknownCommittee.class)
    ProblemDetail unknownCommittee(UnknownCommittee e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu không hợp lệ", e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("committeeId", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(WrongCurrentPassword.class)
    ProblemDetail wrongCurrent() {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu không hợp lệ",
                "the current password is wrong");
        problem.setProperty("errors", List.of(new FieldProblem("currentPassword", "the current password is wrong")));
        return problem;
    }

    @ExceptionHandler(SamePassword.class)
    ProblemDetail same() {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu không hợp lệ",
                "the new password must differ from the current one");
        problem.setProperty("errors", List.of(new FieldProblem("newPassword", "must differ from the current one")));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu không hợp lệ",
                errors.size() + " field(s) invalid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemResponses.TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
