package io.fupin.support.id;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * A typed id: a record of one UUID, {@code public record OrderId(UUID value) implements Identifier {}}, so that
 * an order's id cannot be passed where a product's is expected. Nothing else is declared per id; everywhere the
 * id leaves the code it is the plain UUID it wraps:
 * <ul>
 * <li>JSON (every Jackson mapper, the plain ones of tests included): the UUID string, written through
 * {@link JsonValue} on {@link #value()} and read through the record's constructor; as a map key with
 * {@link IdentifierModule} (a bean of the auto-configuration, so in Spring's mapper);</li>
 * <li>Spring MVC path variables, request parameters and headers: parsed from the UUID string
 * ({@link IdentifierConversions}), a malformed one answered 400 as for a UUID;</li>
 * <li>Spring Data JDBC: the {@code CHAR(36)} column a UUID is stored in, as an {@code @Id}, a property, a query
 * parameter or a query's result;</li>
 * <li>the OpenAPI document: {@code type: string, format: uuid}, as for a UUID.</li>
 * </ul>
 * The record's {@code toString()} is the record's ({@code OrderId[value=…]}): where an id goes into a string
 * (a URI, a message, SQL through {@code JdbcClient}), write {@code id.value()}.
 */
public interface Identifier {

    /** The UUID this id wraps; never {@code null}. */
    @JsonValue
    UUID value();
}
