package org.sansho.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sansho.platform.problem.ProblemException;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Honours the {@code Idempotency-Key} header of a write: the first request with a key does the write and its
 * response is stored in the same transaction; a retry with the same key and the same body gets that response
 * again without a second write; the same key with a different body is a 422.
 *
 * <p>The key is claimed before the write with an insert, so a concurrent retry waits on the first request's row
 * lock and then replays its committed response.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentRequests(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * @param key     the header value, or null when the client sent none (then the write simply runs)
     * @param scope   who and what the key belongs to, e.g. {@code POST /api/v1/contracts by org-uuid}
     * @param request the request body, whose digest must match on a retry
     * @param write   the write; returns the response to store and send
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response execute(String key, String scope, Object request, Supplier<Response> write) {
        if (key == null) {
            return write.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("header." + HEADER,
                    "must be between 1 and " + MAX_KEY_LENGTH + " characters");
        }
        String hash = digest(request);
        int claimed = em.createNativeQuery("""
                        insert into idempotency_record (scope, idempotency_key, request_hash, status, created_at)
                        values (?1, ?2, ?3, 0, ?4) on conflict do nothing""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).setParameter(4, clock.instant())
                .executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Response response = write.get();
        Object entity = response.getEntity();
        em.createNativeQuery("""
                        update idempotency_record set status = ?1, location = ?2, body = ?3
                        where scope = ?4 and idempotency_key = ?5""")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, entity == null ? null : json(entity))
                .setParameter(4, scope).setParameter(5, key)
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, status, location, body from idempotency_record
                        where scope = ?1 and idempotency_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.conflict("idempotency-key-in-use", "Idempotency key in use",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.of(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body");
        }
        Response.ResponseBuilder replayed = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replayed.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            replayed.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replayed.build();
    }

    private String digest(Object request) {
        try {
            byte[] bytes = request == null ? new byte[0] : mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object entity) {
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
