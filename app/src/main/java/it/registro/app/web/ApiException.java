package it.registro.app.web;

import org.springframework.http.HttpStatus;

import it.registro.domain.common.Rejection;

/** A refusal decided in the web layer or translated from the command side, rendered as a problem. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final java.util.Map<String, Object> details;

    public ApiException(HttpStatus status, String code, String field, String message) {
        this(status, code, field, message, java.util.Map.of());
    }

    public ApiException(HttpStatus status, String code, String field, String message, java.util.Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.details = details;
    }

    public java.util.Map<String, Object> details() {
        return details;
    }

    public static ApiException of(Rejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return new ApiException(status, rejection.code(), rejection.field(), rejection.message(), rejection.details());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
