package io.fupin.order.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers, per caller and key, the request's fingerprint, the id of the resource it creates and, once
 * there is one, the final answer. A request that was interrupted before its answer was stored is resumed
 * with the same resource id, so the work behind it must be idempotent by that id.
 */
@Component
public class IdempotentRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration keepFor;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${fupin.idempotency.keep-for:PT48H}") Duration keepFor) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    /** A final answer: its status and its JSON body, exactly as first sent. */
    public record Answer(int status, String body, boolean replayed) {
    }

    /**
     * @param work does the request's work for a resource id and returns the answer to keep; throwing leaves
     *             the key open so that a retry resumes with the same resource id
     * @throws KeyReusedWithAnotherRequest when the key was first used with a different request
     */
    public Answer answer(String scope, String key, Object request, Function<UUID, Answer> work) {
        return answer(scope, key, request, (resourceId, fresh) -> work.apply(resourceId));
    }

    /**
     * As {@link #answer(String, String, Object, Function)}; the work is also told whether this request claimed the
     * key just now ({@code fresh}): then its resource id was never handed out before, so nothing can exist under
     * it yet, and a resumed request is never fresh.
     */
    public Answer answer(String scope, String key, Object request, BiFunction<UUID, Boolean, Answer> work) {
        String fingerprint = fingerprint(request);
        Claim claim = claim(scope, key, fingerprint);
        if (!claim.fingerprint().equals(fingerprint)) {
            throw new KeyReusedWithAnotherRequest(key);
        }
        if (claim.status() != null) {
            return new Answer(claim.status(), claim.body(), true);
        }
        Answer answer = work.apply(claim.resourceId(), claim.fresh());
        jdbc.sql("UPDATE idempotency_key SET response_status = :status, response_body = :body WHERE scope = :scope AND idem_key = :key AND response_status IS NULL")
                .param("status", answer.status()).param("body", answer.body())
                .param("scope", scope).param("key", key).update();
        return answer;
    }

    /**
     * Gives up the resource id of a key that has no answer yet: the work found it can never be used again (its
     * reservation was released), so a retry with the key resumes under a new id instead of the spent one.
     */
    public void renewResource(String scope, String key, UUID spentResourceId) {
        jdbc.sql("UPDATE idempotency_key SET resource_id = :renewed WHERE scope = :scope AND idem_key = :key AND resource_id = :spent AND response_status IS NULL")
                .param("renewed", UUID.randomUUID().toString()).param("scope", scope).param("key", key)
                .param("spent", spentResourceId.toString()).update();
    }

    /**
     * Inserts the key first: a new key (the usual case) costs one statement; a key seen before fails on the
     * primary key and is read.
     */
    private Claim claim(String scope, String key, String fingerprint) {
        UUID resource = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO idempotency_key (scope, idem_key, fingerprint, resource_id, created_at) VALUES (:scope, :key, :fingerprint, :resource, :now)")
                    .param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                    .param("resource", resource.toString())
                    .param("now", Timestamp.from(clock.instant())).update();
            return new Claim(fingerprint, resource, null, null, true);
        } catch (DuplicateKeyException seenBefore) {
            // A replay, a resumed request, or another request with this key that got there first: use its claim.
            return find(scope, key).orElseThrow();
        }
    }

    private Optional<Claim> find(String scope, String key) {
        return jdbc.sql("SELECT fingerprint, resource_id, response_status, response_body FROM idempotency_key WHERE scope = :scope AND idem_key = :key")
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new Claim(rs.getString(1), UUID.fromString(rs.getString(2)),
                        (Integer) rs.getObject(3), rs.getString(4), false))
                .optional();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(keepFor))).update();
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claim(String fingerprint, UUID resourceId, Integer status, String body, boolean fresh) {
    }
}
