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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers, per caller and key, the request's fingerprint, the id of the resource it creates and, once
 * there is one, the final answer. A request that was interrupted before its answer was stored is resumed
 * with the same resource id, so the work behind it must be idempotent by that id. {@link Idempotent} handlers
 * use it through {@link IdempotentHandling}.
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

    /** A final answer as first sent: its status, body, {@code Content-Type} and {@code Location} (or none). */
    public record Answer(int status, String body, String contentType, String location) {
    }

    /**
     * The key's claim: the resource id to work under and, when the key was answered before, that answer.
     *
     * @param fresh the key was claimed just now (see {@link ClaimedId#fresh()})
     */
    public record Claim(UUID resourceId, boolean fresh, Optional<Answer> answer) {
    }

    /**
     * Claims the key for this request. Inserts it first: a new key (the usual case) costs one statement; a key seen
     * before fails on the primary key and is read. A key claimed but not answered yet (a request interrupted, or
     * another one with this key still at work) is resumed under its resource id.
     *
     * @throws KeyReusedWithAnotherRequest when the key was first used with a different request
     */
    public Claim claim(String scope, String key, Object request) {
        String fingerprint = fingerprint(request);
        UUID resource = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO idempotency_key (scope, idem_key, fingerprint, resource_id, created_at) VALUES (:scope, :key, :fingerprint, :resource, :now)")
                    .param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                    .param("resource", resource.toString())
                    .param("now", Timestamp.from(clock.instant())).update();
            return new Claim(resource, true, Optional.empty());
        } catch (DuplicateKeyException seenBefore) {
            // A replay, a resumed request, or another request with this key that got there first: use its claim.
            Stored stored = find(scope, key).orElseThrow();
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new KeyReusedWithAnotherRequest(key);
            }
            return new Claim(stored.resourceId(), false, Optional.ofNullable(stored.answer()));
        }
    }

    /** Keeps the key's final answer, once: a replay answers it from now on. */
    public void keep(String scope, String key, Answer answer) {
        jdbc.sql("UPDATE idempotency_key SET response_status = :status, response_body = :body, response_type = :type, response_location = :location WHERE scope = :scope AND idem_key = :key AND response_status IS NULL")
                .param("status", answer.status()).param("body", answer.body())
                .param("type", answer.contentType()).param("location", answer.location())
                .param("scope", scope).param("key", key).update();
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

    private Optional<Stored> find(String scope, String key) {
        return jdbc.sql("SELECT fingerprint, resource_id, response_status, response_body, response_type, response_location FROM idempotency_key WHERE scope = :scope AND idem_key = :key")
                .param("scope", scope).param("key", key)
                .query((rs, n) -> {
                    Integer status = (Integer) rs.getObject(3);
                    Answer answer = status == null ? null
                            : new Answer(status, rs.getString(4), rs.getString(5), rs.getString(6));
                    return new Stored(rs.getString(1), UUID.fromString(rs.getString(2)), answer);
                })
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

    private record Stored(String fingerprint, UUID resourceId, Answer answer) {
    }
}
