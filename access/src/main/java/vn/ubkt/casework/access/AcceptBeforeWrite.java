package vn.ubkt.casework.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A change whose answer the client says it cannot accept is refused (406) before it is made: otherwise the
 * command runs, its events are appended, and only writing the answer fails; the client sees an error for a change
 * that happened (ISSUE 14, "nothing written" for a 4xx).
 */
final class AcceptBeforeWrite implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || !(handler instanceof HandlerMethod method)
                || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return true;
        }
        List<MediaType> produces = new ArrayList<>();
        for (Object element : new Object[] {method.getBeanType(), method.getMethod()}) {
            RequestMapping mapping = element instanceof Class<?> type
                    ? AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class)
                    : AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
            if (mapping != null) {
                for (String each : mapping.produces()) {
                    produces.add(MediaType.parseMediaType(each));
                }
            }
        }
        if (produces.isEmpty()) {
            produces.add(MediaType.APPLICATION_JSON);
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header is not a list of media types");
        }
        for (MediaType wanted : acceptable) {
            for (MediaType offered : produces) {
                if (wanted.isCompatibleWith(offered)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(produces);
    }
}
