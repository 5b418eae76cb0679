package vn.ubkt.casework.command.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every POST and PATCH (API.md "Conventions"): the same key with the same
 * request answers the first answer again and changes nothing; the same key with another request is 422.
 * <p>
 * The claim of the key, the events its command appends and the answer kept under it are one transaction: the key is
 * inserted first (its primary key is the claim, so it holds across nodes on one PostgreSQL), the command's unit of
 * work joins the transaction, and the answer is written before it commits. A crash anywhere before the commit leaves
 * neither events nor key, so the retry acts once; a second request with the same key, on any node, waits on the first
 * one's uncommitted key and then answers its answer (or acts, if the first was refused). Only a successful answer is
 * kept: a refused request rolls back and may be sent again. The client hears the answer only after the commit.
 * <p>
 * An upload is never held whole to be hashed here: its file streams to the content store first, hashed on the way,
 * and {@link Uploads} then claims the key with a fingerprint of the form's fields and the file's name, type and
 * SHA-256 ({@link #claimUpload}), before any command runs. A repeated upload answers the first answer and records
 * nothing; the bytes it sent again stay in the store as an object no event names, which nothing serves.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The key of an upload, until {@link Uploads} has the file's hash to claim it with. */
    private static final String UPLOAD_KEY = IdempotencyFilter.class.getName() + ".uploadKey";
    /** Set once the upload's key is claimed by this request: its answer is then kept, or its transaction rolled back. */
    /** The request's transaction, begun when the upload's key is claimed and ended by the filter. */
    private static final String UPLOAD_TRANSACTION = IdempotencyFilter.class.getName() + ".uploadTransaction";
    private static final String UPLOAD_CLAIMED = IdempotencyFilter.class.getName() + ".uploadClaimed";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final PlatformTransactionManager transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotencyFilter(JdbcClient jdbc, MessageSource messages, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "PATCH".equals(method));
    }

    private static boolean upload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Locale locale = request.getLocale();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "invalid-request", "idempotency.invalidKey", locale);
            return;
        }
        if (upload(request)) {
            filterUpload(key, request, response, chain);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        boolean kept = false;
        try {
            // waits while another node's request holds the same key uncommitted
            int claimed = jdbc.sql("""
                    insert into idempotency_record (idempotency_key, request_hash, state)
                    values (:key, :hash, 'IN_PROGRESS') on conflict (idempotency_key) do nothing""")
                    .param("key", key).param("hash", hash).update();
            if (claimed == 0) {
                answerFromRecord(key, hash, recorded, locale);
            } else {
                chain.doFilter(new ReplayedBody(request, body), recorded);
                kept = keep(key, recorded);
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            abandon(transaction, response);
            throw e;
        }
        finish(transaction, kept, response);
        recorded.copyBodyToResponse();
    }

    /**
     * Commits what a kept answer's command did, with its key; anything else leaves no trace. The answer goes out only
     * after this: a commit that fails answers its failure, never the success it would have been.
     */
    private void finish(TransactionStatus transaction, boolean kept, HttpServletResponse response) {
        if (kept && !transaction.isRollbackOnly()) {
            try {
                transactions.commit(transaction);
            } catch (RuntimeException e) {
                resetUnlessCommitted(response);
                throw e;
            }
        } else {
            transactions.rollback(transaction);
        }
    }

    /** A request that failed on the way: nothing it did is kept, and the success it may have written is not sent. */
    private void abandon(TransactionStatus transaction, HttpServletResponse response) {
        if (!transaction.isCompleted()) {
            transactions.rollback(transaction);
        }
        resetUnlessCommitted(response);
    }

    private static void resetUnlessCommitted(HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.reset();
        }
    }

    /** The answer of a successful request is kept under its key; answers whether it was. */
    private boolean keep(String key, ContentCachingResponseWrapper recorded) {
        if (recorded.getStatus() < 200 || recorded.getStatus() >= 300) {
            return false;
        }
        jdbc.sql("""
                update idempotency_record set state = 'COMPLETED', status = :status,
                       content_type = :contentType, location = :location, body = :body
                where idempotency_key = :key""")
                .param("status", recorded.getStatus())
                .param("contentType", recorded.getContentType())
                .param("location", recorded.getHeader("Location"))
                .param("body", recorded.getContentAsByteArray())
                .param("key", key)
                .update();
        return true;
    }

    /**
     * An upload passes with its key noted; {@link Uploads} claims it once the file is stored and hashed. The answer is
     * kept only when this request claimed the key (a replay or a refusal of the key was answered from inside).
     */
    private void filterUpload(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(UPLOAD_KEY, key);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept;
        try {
            chain.doFilter(request, recorded);
            kept = key.equals(request.getAttribute(UPLOAD_CLAIMED)) && keep(key, recorded);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (request.getAttribute(UPLOAD_TRANSACTION) instanceof TransactionStatus transaction) {
                abandon(transaction, response);
            }
            throw e;
        }
        if (request.getAttribute(UPLOAD_TRANSACTION) instanceof TransactionStatus transaction) {
            finish(transaction, kept, response);
        }
        recorded.copyBodyToResponse();
    }

    /**
     * Claims the upload's {@code Idempotency-Key}, if it has one, with the fingerprint of what was sent (its fields
     * and the stored file's hash). A key already used answers instead: {@link KeyAnswered} carries the first answer
     * when the fingerprints are the same, {@link KeyRefused} a 422 when they are not (or a 409 while the first
     * request is still running).
     */
    void claimUpload(HttpServletRequest request, String fingerprint) {
        Object key = request.getAttribute(UPLOAD_KEY);
        if (!(key instanceof String k) || request.getAttribute(UPLOAD_CLAIMED) != null) {
            return;
        }
        // the transaction begins only now, so a large file's transfer holds no connection; the filter ends it
        request.setAttribute(UPLOAD_TRANSACTION, transactions.getTransaction(new DefaultTransactionDefinition()));
        int claimed = jdbc.sql("""
                insert into idempotency_record (idempotency_key, request_hash, state)
                values (:key, :hash, 'IN_PROGRESS') on conflict (idempotency_key) do nothing""")
                .param("key", k).param("hash", fingerprint).update();
        if (claimed == 1) {
            request.setAttribute(UPLOAD_CLAIMED, k);
            return;
        }
        Optional<StoredAnswer> record = find(k);
        if (record.isEmpty() || (record.get().requestHash().equals(fingerprint) && !"COMPLETED".equals(record.get().state()))) {
            throw new KeyRefused(HttpStatus.CONFLICT, "conflict", "idempotency.inProgress");
        }
        if (!record.get().requestHash().equals(fingerprint)) {
            throw new KeyRefused(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "idempotency.reused");
        }
        throw new KeyAnswered(record.get());
    }

    /** The first answer to an upload sent again with its key: given again, with {@code Idempotent-Replayed}. */
    static final class KeyAnswered extends RuntimeException {
        private final transient StoredAnswer answer;

        KeyAnswered(StoredAnswer answer) {
            super("answered before", null, false, false);
            this.answer = answer;
        }

        ResponseEntity<byte[]> response() {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).header(REPLAYED, "true");
            if (answer.contentType() != null) {
                builder.contentType(MediaType.parseMediaType(answer.contentType()));
            }
            if (answer.location() != null) {
                builder.header("Location", answer.location());
            }
            return builder.body(answer.body());
        }
    }

    /** The upload's key was used for another request (422), or its first request is still running (409). */
    static final class KeyRefused extends RuntimeException {
        final HttpStatus status;
        final String type;
        final String messageKey;

        KeyRefused(HttpStatus status, String type, String messageKey) {
            super(messageKey, null, false, false);
            this.status = status;
            this.type = type;
            this.messageKey = messageKey;
        }
    }

    private Optional<StoredAnswer> find(String key) {
        return jdbc.sql("""
                select request_hash, state, status, content_type, location, body
                from idempotency_record where idempotency_key = :key""")
                .param("key", key)
                .query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    private void answerFromRecord(String key, String hash, HttpServletResponse response, Locale locale)
            throws IOException {
        Optional<StoredAnswer> record = find(key);
        if (record.isEmpty()) {
            // a key seen taken by our insert and gone by this read: only a row removed by hand does that
            writeProblem(response, HttpStatus.CONFLICT, "conflict", "idempotency.inProgress", locale);
        } else if (!record.get().requestHash().equals(hash)) {
            writeProblem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "idempotency.reused", locale);
        } else if (!"COMPLETED".equals(record.get().state())) {
            writeProblem(response, HttpStatus.CONFLICT, "conflict", "idempotency.inProgress", locale);
        } else {
            StoredAnswer answer = record.get();
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            if (answer.location() != null) {
                response.setHeader("Location", answer.location());
            }
            response.setHeader(REPLAYED, "true");
            response.getOutputStream().write(answer.body());
        }
    }

    private record StoredAnswer(String requestHash, String state, int status, String contentType, String location,
                                byte[] body) {
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String type, String key, Locale locale)
            throws IOException {
        String detail = messages.getMessage(key, null, key, locale);
        ProblemDetail problem = ProblemHandling.problem(status, type, status.getReasonPhrase(), detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the already-read body to the rest of the chain. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
