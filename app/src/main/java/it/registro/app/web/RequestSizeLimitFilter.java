package it.registro.app.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit with 413, before anything parses them: at once when the
 * declared Content-Length is too large, and while reading when a chunked body grows too large.
 * (Tomcat's own limits cover form posts only, not JSON.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxDocumentBytes;

    public RequestSizeLimitFilter(@Value("${registro.http.max-request-bytes:65536}") long maxBytes,
                                  @Value("${registro.documents.max-bytes:20971520}") long maxDocumentBytes) {
        this.maxBytes = maxBytes;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** A bulk import carries a whole register's batch: the same larger limit, with the import's problem code. */
    private static boolean importUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().equals("/api/import");
    }

    /** Document uploads carry a file: their own, larger limit, with the documents' problem code. */
    private static boolean documentUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().matches("/api/(sessions|acts)/[^/]+/documents|/web/desk/sessions/[^/]+/documents");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean document = documentUpload(request);
        boolean batch = importUpload(request);
        long limit = document || batch ? maxDocumentBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            response.setHeader("Connection", "close");
            if (batch) {
                Problems.write(response, 413, "IMPORT_FILE_TOO_LARGE", "Import file too large",
                        "An import file is at most " + limit + " bytes; split it", request.getRequestURI());
            } else if (document) {
                Problems.write(response, 413, "DOCUMENT_TOO_LARGE", "Document too large",
                        "A document is at most " + limit + " bytes", request.getRequestURI());
            } else {
                Problems.write(response, 413, "PAYLOAD_TOO_LARGE", "Request too large",
                        "The request body is larger than " + limit + " bytes", request.getRequestURI());
            }
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
