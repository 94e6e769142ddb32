package io.fupin.support.id;

import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link Identifier}s as JSON map keys: written as the UUID string by {@code @JsonValue} already, read back here.
 * The auto-configuration registers it with Spring's mapper; a mapper built by hand adds it with
 * {@code addModule(new IdentifierModule())}. Ids as values need no module.
 */
public class IdentifierModule extends SimpleModule {

    public IdentifierModule() {
        super(IdentifierModule.class.getSimpleName());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addKeyDeserializers((type, config, description) -> Identifier.class.isAssignableFrom(type.getRawClass())
                && !type.isInterface() ? keyOf(type.getRawClass().asSubclass(Identifier.class)) : null);
    }

    private static KeyDeserializer keyOf(Class<? extends Identifier> type) {
        return new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, tools.jackson.databind.DeserializationContext context) {
                try {
                    return Identifiers.parse(type, key);
                } catch (IllegalArgumentException e) {
                    return context.handleWeirdKey(type, key, "not a UUID");
                }
            }
        };
    }
}
