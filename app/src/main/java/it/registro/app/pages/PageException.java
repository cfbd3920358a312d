package it.registro.app.pages;

import org.springframework.http.HttpStatus;

/** A request a page cannot answer, with the Italian explanation shown to the reader. */
final class PageException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    PageException(HttpStatus status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
