package it.registro.app.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become responses: always {@code application/problem+json}, always a
 * stable code, never a stack trace or a framework message. Unexpected failures are logged here with
 * their stack trace and answered with a bare 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        ProblemDetail problem = Problems.problem(e.status(), e.code(), title(e.status()), e.getMessage(), e.field());
        if (!e.details().isEmpty()) {
            problem.setProperty("details", e.details());
        }
        return Problems.response(problem);
    }

    /** A domain rule applied before any command is sent (e.g. an act number read for the act's identity). */
    @ExceptionHandler(it.registro.domain.common.CommandRejectedException.class)
    ResponseEntity<Object> rejected(it.registro.domain.common.CommandRejectedException e) {
        return api(ApiException.of(e.rejection()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        return Problems.response(tooLargeProblem(e.limit()));
    }

    static ProblemDetail tooLargeProblem(long limit) {
        return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request too large",
                "The request body is larger than " + limit + " bytes", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return Problems.response(Problems.validation(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "Parameter '" + e.getName() + "' must be " + expected,
                List.of(new Problems.FieldError(e.getName(), "must be " + expected))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (e.getClass().getSimpleName().equals("ClientAbortException")) {
            // the client closed the connection (a download cancelled): nothing to answer, nothing to alarm anyone
            log.debug("Client went away: {}", e.toString());
            return null;
        }
        log.error("Unexpected failure", e);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal error", "The request could not be completed; it has been logged", null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe ->
                errors.add(new Problems.FieldError(fe.getField(), fe.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new Problems.FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        errors.sort(java.util.Comparator.comparing(Problems.FieldError::field));
        String detail = errors.stream().map(fe -> fe.field() + " " + fe.message()).collect(Collectors.joining("; "));
        return Problems.response(Problems.validation(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new Problems.FieldError(name, err.getDefaultMessage())));
        }
        String detail = errors.stream().map(fe -> fe.field() + " " + fe.message()).collect(Collectors.joining("; "));
        return Problems.response(Problems.validation(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return Problems.response(tooLargeProblem(tooLarge.limit()));
        }
        JacksonException jackson = findCause(e, JacksonException.class);
        if (jackson instanceof StreamReadException && !(jackson instanceof MismatchedInputException)) {
            return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON",
                    "The request body is not well-formed JSON", null));
        }
        if (jackson instanceof RegisterText.RefusedText refused) {
            String field = path(refused);
            String message = refused.getOriginalMessage();
            return Problems.response(Problems.validation(HttpStatus.BAD_REQUEST, "TEXT_NOT_ALLOWED",
                    field + " " + message, List.of(new Problems.FieldError(field, message))));
        }
        if (jackson != null && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            String message;
            if (jackson instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (jackson instanceof InvalidFormatException ife && ife.getTargetType() != null) {
                message = "must be " + describe(ife.getTargetType());
            } else if (jackson instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                message = "must be " + describe(mie.getTargetType());
            } else {
                message = "has an invalid value";
            }
            return Problems.response(Problems.validation(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    field + " " + message, List.of(new Problems.FieldError(field, message))));
        }
        String detail = jackson == null ? "A JSON request body is required" : "The request body is not valid JSON";
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON", detail, null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Unsupported media type", "Send the request body as application/json", null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Not acceptable",
                "This resource is available as application/json", null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        ProblemDetail problem = Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Method not allowed", "Method " + e.getMethod() + " is not allowed here", null);
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(allow)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
                "No resource at this address", null));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.validation(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "Parameter '" + e.getParameterName() + "' is required",
                List.of(new Problems.FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MissingRequestHeaderException mrh ? mrh.getHeaderName() : null;
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request",
                field == null ? "The request is missing a required part" : "Header '" + field + "' is required", field));
    }

    /** Any other framework-level failure: keep its status, replace its text with our own. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Framework failure", e);
        }
        String code = status.value() == 404 ? "NOT_FOUND" : status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        return Problems.response(Problems.problem(status, code, title(status), title(status), null));
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == java.time.LocalDate.class) {
            return "a date like 2024-10-18";
        }
        if (type == java.time.LocalDateTime.class) {
            return "a local date-time like 2024-10-18T14:00 (time in Italy)";
        }
        if (type == java.time.LocalTime.class) {
            return "a local time like 14:00";
        }
        if (type == java.time.YearMonth.class) {
            return "a month like 2025-06";
        }
        if (type.isRecord()) {
            return "an object with " + Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a date-time (ISO 8601 with offset)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
